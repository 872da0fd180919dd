package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// testCascadeDelete checks that a workflow with a run going cannot be
// deleted, and that deleting one removes its nodes, edges, executions,
// node executions and generations (not its spend).
func testCascadeDelete(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	e := newExecution(t, s, w)
	require.NoError(t, s.CreateGeneration(ctx, &workflow.Generation{ExecutionID: e.ID, ModelID: "m", Prompt: "p",
		ImageURLs: []string{"u"}, AspectRatio: "1:1"}))
	requireCode(t, s.DeleteWorkflow(ctx, user, w.ID), fault.CodeConflict) // its run is still going
	e.Status = workflow.ExecCancelled
	require.NoError(t, s.UpdateExecution(ctx, e))
	require.NoError(t, s.DeleteWorkflow(ctx, user, w.ID))
	_, err := s.GetExecution(ctx, "", e.ID)
	requireCode(t, err, fault.CodeNotFound)
	nes, err := s.ListNodeExecutions(ctx, e.ID)
	require.NoError(t, err)
	require.Empty(t, nes)
	gens, err := s.ListGenerations(ctx, e.ID)
	require.NoError(t, err)
	require.Empty(t, gens)
}

// testUniqueViolations checks that duplicates are clear conflicts.
func testUniqueViolations(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	err := s.UpsertUser(ctx, workflow.User{ID: workflow.NewID(), Email: "a@example.com"})
	requireCode(t, err, fault.CodeConflict)
	require.Contains(t, err.Error(), "email")

	w := newWorkflow(t, s, user)
	// NULL handles never collide under SQL's unique rule (the graph check
	// catches those duplicates); with both handles set the database does.
	edge := w.Edges[0]
	edge.SourceHandle = ptr("text")
	dup := edge
	dup.ID = workflow.NewID()
	err = s.InTx(ctx, func(tx *store.Tx) error {
		return tx.ReplaceGraph(ctx, w.ID, workflow.Graph{Nodes: w.Nodes, Edges: []workflow.Edge{edge, dup}})
	})
	requireCode(t, err, fault.CodeConflict)
	require.Contains(t, err.Error(), "identical edge")

	e := newExecution(t, s, w)
	err = s.CreateNodeExecution(ctx, &workflow.NodeExecution{ExecutionID: e.ID, NodeID: w.Nodes[0].ID, Status: workflow.NodePending})
	requireCode(t, err, fault.CodeConflict)

	err = s.CreateExecution(ctx, &workflow.Execution{WorkflowID: workflow.NewID(), Status: workflow.ExecRunning})
	requireCode(t, err, fault.CodeInvalid, "an execution of a missing workflow is refused")
}

// testJSONRoundTrip checks that configs keep nested values, unicode and numbers.
func testJSONRoundTrip(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	cfg := json.RawMessage(`{"value":"Ünïcødé 🚀 \"quoted\"","nested":{"list":[1,2.5,null,true],"big":12345678901}}`)
	w.Nodes[0].Config = cfg
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error {
		return tx.ReplaceGraph(ctx, w.ID, workflow.Graph{Nodes: w.Nodes, Edges: w.Edges})
	}))
	got, err := s.GetWorkflow(ctx, user, w.ID)
	require.NoError(t, err)
	require.JSONEq(t, string(cfg), string(got.Nodes[0].Config))
}

// testConcurrentWriters runs writers at once; every write lands.
func testConcurrentWriters(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() {
			w := workflow.Workflow{UserID: user, Name: fmt.Sprintf("w%d", i), IsActive: true}
			errs <- s.InTx(ctx, func(tx *store.Tx) error {
				if err := tx.CreateWorkflow(ctx, &w); err != nil {
					return err
				}
				return tx.ReplaceGraph(ctx, w.ID, workflow.Graph{Nodes: []workflow.Node{{ID: workflow.NewID(), Type: executor.TextInputType, Name: "t"}}})
			})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	list, err := s.ListWorkflows(ctx, user)
	require.NoError(t, err)
	require.Len(t, list, 20)
}

// testTransactionRollback checks that an error inside InTx undoes its writes.
func testTransactionRollback(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	boom := errors.New("boom")
	err := s.InTx(ctx, func(tx *store.Tx) error {
		require.NoError(t, tx.CreateWorkflow(ctx, &workflow.Workflow{UserID: user, Name: "gone"}))
		return boom
	})
	require.ErrorIs(t, err, boom)
	list, err := s.ListWorkflows(ctx, user)
	require.NoError(t, err)
	require.Empty(t, list)
}

// testUserUpsert checks that a later sign-in updates the email and keeps the
// name when the token has none.
func testUserUpsert(t *testing.T, s *store.Store) {
	ctx := context.Background()
	id := workflow.NewID()
	require.NoError(t, s.UpsertUser(ctx, workflow.User{ID: id, Email: "old@example.com", Name: ptr("Ada")}))
	require.NoError(t, s.UpsertUser(ctx, workflow.User{ID: id, Email: "new@example.com"}))
	u, err := s.GetUser(ctx, id)
	require.NoError(t, err)
	require.Equal(t, "new@example.com", u.Email)
	require.Equal(t, "Ada", *u.Name)
}
