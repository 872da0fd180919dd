package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// testWorkflowCRUD creates, reads, lists, updates and deletes a workflow.
func testWorkflowCRUD(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	require.Equal(t, "Spring sale", w.Name)
	require.Equal(t, "ads", *w.Description)
	require.True(t, w.IsActive)
	require.Len(t, w.Nodes, 2)
	require.Len(t, w.Edges, 1)
	require.Equal(t, "Product", w.Nodes[0].Name)
	require.Equal(t, 20.5, w.Nodes[0].PositionY)
	require.True(t, w.Nodes[1].HasBreakpoint)
	require.Equal(t, "text", *w.Edges[0].TargetHandle)
	require.Nil(t, w.Edges[0].SourceHandle)

	list, err := s.ListWorkflows(ctx, user)
	require.NoError(t, err)
	require.Len(t, list, 1)

	u, err := s.UpdateWorkflow(ctx, user, w.ID, store.WorkflowPatch{Name: ptr("Summer sale"), IsActive: ptr(false)})
	require.NoError(t, err)
	require.Equal(t, "Summer sale", u.Name)
	require.False(t, u.IsActive)
	require.Equal(t, "ads", *u.Description, "fields not in the patch stay")
	require.False(t, u.UpdatedAt.Before(w.UpdatedAt))

	require.NoError(t, s.DeleteWorkflow(ctx, user, w.ID))
	_, err = s.GetWorkflow(ctx, user, w.ID)
	requireCode(t, err, fault.CodeNotFound)
	requireCode(t, s.DeleteWorkflow(ctx, user, w.ID), fault.CodeNotFound)
	_, err = s.GetWorkflow(ctx, user, "not-a-uuid")
	requireCode(t, err, fault.CodeNotFound)
}

// testOwnerIsolation checks that another user's workflow is "not found".
func testOwnerIsolation(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b := newUser(t, s, "a@example.com"), newUser(t, s, "b@example.com")
	w := newWorkflow(t, s, a)
	_, err := s.GetWorkflow(ctx, b, w.ID)
	requireCode(t, err, fault.CodeNotFound)
	_, err = s.UpdateWorkflow(ctx, b, w.ID, store.WorkflowPatch{Name: ptr("x")})
	requireCode(t, err, fault.CodeNotFound)
	requireCode(t, s.DeleteWorkflow(ctx, b, w.ID), fault.CodeNotFound)
	list, err := s.ListWorkflows(ctx, b)
	require.NoError(t, err)
	require.Empty(t, list)
	e := workflow.Execution{WorkflowID: w.ID, Status: workflow.ExecRunning}
	require.NoError(t, s.CreateExecution(ctx, &e))
	_, err = s.GetExecution(ctx, b, e.ID)
	requireCode(t, err, fault.CodeNotFound)
	_, err = s.GetExecution(ctx, a, e.ID)
	require.NoError(t, err)
}

// testGraphReplace edits a graph in place: kept nodes keep their id and
// their node executions, removed ones go, new ones appear.
func testGraphReplace(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	kept := w.Nodes[0]
	kept.Name = "Product name"
	added := workflow.Node{ID: workflow.NewID(), Type: creatives.OutputType, Name: "Out", Config: json.RawMessage(`{"num_images":2}`)}
	g := workflow.Graph{Nodes: []workflow.Node{kept, added},
		Edges: []workflow.Edge{{SourceNodeID: kept.ID, TargetNodeID: added.ID}}}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, w.ID, g) }))
	got, err := s.GetWorkflow(ctx, user, w.ID)
	require.NoError(t, err)
	require.Len(t, got.Nodes, 2)
	require.Equal(t, kept.ID, got.Nodes[0].ID)
	require.Equal(t, "Product name", got.Nodes[0].Name)
	require.Equal(t, added.ID, got.Nodes[1].ID)
	require.Len(t, got.Edges, 1)
	require.Equal(t, added.ID, got.Edges[0].TargetNodeID)
}

// testGraphRefusedWhole checks that a graph failing part-way changes nothing,
// and that a node id of another workflow cannot be taken over.
func testGraphRefusedWhole(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b := newUser(t, s, "a@example.com"), newUser(t, s, "b@example.com")
	wa, wb := newWorkflow(t, s, a), newWorkflow(t, s, b)
	stolen := wa.Nodes[0]
	stolen.Name = "mine now"
	err := s.InTx(ctx, func(tx *store.Tx) error {
		return tx.ReplaceGraph(ctx, wb.ID, workflow.Graph{Nodes: []workflow.Node{stolen}})
	})
	requireCode(t, err, fault.CodeNotFound, "another workflow's node id is answered like a missing one")
	got, err := s.GetWorkflow(ctx, b, wb.ID)
	require.NoError(t, err)
	require.Len(t, got.Nodes, 2, "the failed replace changed nothing")
	ga, err := s.GetWorkflow(ctx, a, wa.ID)
	require.NoError(t, err)
	require.Equal(t, "Product", ga.Nodes[0].Name)
}
