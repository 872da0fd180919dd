package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// newExecution starts an execution of w with a PENDING node execution per node.
func newExecution(t *testing.T, s *store.Store, w workflow.Workflow) workflow.Execution {
	t.Helper()
	ctx := context.Background()
	e := workflow.Execution{WorkflowID: w.ID, Status: workflow.ExecRunning,
		Graph: &workflow.Graph{Nodes: w.Nodes, Edges: w.Edges}}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateExecution(ctx, &e); err != nil {
			return err
		}
		for _, n := range w.Nodes {
			ne := workflow.NodeExecution{ExecutionID: e.ID, NodeID: n.ID, Status: workflow.NodePending}
			if err := tx.CreateNodeExecution(ctx, &ne); err != nil {
				return err
			}
		}
		return nil
	}))
	return e
}

// testExecutionLifecycle walks an execution through its states and reads back
// every field, including the graph snapshot and the cost.
func testExecutionLifecycle(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	e := newExecution(t, s, w)

	got, err := s.GetExecution(ctx, user, e.ID)
	require.NoError(t, err)
	require.Equal(t, workflow.ExecRunning, got.Status)
	require.NotNil(t, got.Graph)
	require.Len(t, got.Graph.Nodes, 2)
	require.Nil(t, got.FinishedAt)
	require.Nil(t, got.TotalCost)

	nes, err := s.ListNodeExecutions(ctx, e.ID)
	require.NoError(t, err)
	require.Len(t, nes, 2)
	ne := nes[0]
	now := time.Now().UTC()
	ne.Status = workflow.NodeCompleted
	ne.InputData = json.RawMessage(`{"a":1}`)
	ne.OutputData = json.RawMessage(`{"text":"sneakers"}`)
	ne.StartedAt, ne.FinishedAt, ne.QueuedAt = &now, &now, &now
	require.NoError(t, s.UpdateNodeExecution(ctx, ne))
	back, err := s.GetNodeExecution(ctx, e.ID, ne.NodeID)
	require.NoError(t, err)
	require.Equal(t, workflow.NodeCompleted, back.Status)
	require.JSONEq(t, `{"text":"sneakers"}`, string(back.OutputData))
	require.WithinDuration(t, now, *back.FinishedAt, time.Millisecond)

	g := workflow.Generation{ExecutionID: e.ID, NodeID: &w.Nodes[1].ID, ModelID: "fal-ai/flux/schnell",
		Prompt: "An ad", Parameters: json.RawMessage(`{"num_images":2}`),
		ImageURLs: []string{"https://x/1.png", "https://x/2.png"}, AspectRatio: "1:1", Cost: ptr(0.006)}
	require.NoError(t, s.CreateGeneration(ctx, &g))
	require.NoError(t, s.CreateGeneration(ctx, &workflow.Generation{ExecutionID: e.ID, ModelID: "m", Prompt: "p",
		ImageURLs: []string{}, AspectRatio: "16:9", Cost: ptr(0.025)}))
	gens, err := s.ListGenerations(ctx, e.ID)
	require.NoError(t, err)
	require.Len(t, gens, 2)
	require.Equal(t, []string{"https://x/1.png", "https://x/2.png"}, gens[0].ImageURLs)
	require.Equal(t, []string{}, gens[1].ImageURLs)
	require.InDelta(t, 0.006, *gens[0].Cost, 1e-9)
	total, err := s.SumGenerationCost(ctx, e.ID)
	require.NoError(t, err)
	require.InDelta(t, 0.031, total, 1e-9)

	got.Status, got.TotalCost, got.FinishedAt = workflow.ExecCompleted, &total, &now
	got.ErrorMessage = ptr("none")
	require.NoError(t, s.UpdateExecution(ctx, got))
	done, err := s.GetExecution(ctx, "", e.ID)
	require.NoError(t, err)
	require.Equal(t, workflow.ExecCompleted, done.Status)
	require.InDelta(t, 0.031, *done.TotalCost, 1e-9)
	require.NotNil(t, done.FinishedAt)

	err = s.InTx(ctx, func(tx *store.Tx) error {
		locked, err := tx.LockExecution(ctx, e.ID)
		require.Equal(t, e.ID, locked.ID)
		return err
	})
	require.NoError(t, err)
}

// testExecutionPaging lists executions newest first, a page at a time.
func testExecutionPaging(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "a@example.com")
	w := newWorkflow(t, s, user)
	var ids []string
	for range 5 {
		ids = append(ids, newExecution(t, s, w).ID)
	}
	page, err := s.ListExecutions(ctx, w.ID, 3, "")
	require.NoError(t, err)
	require.Equal(t, []string{ids[4], ids[3], ids[2]}, execIDs(page))
	page, err = s.ListExecutions(ctx, w.ID, 3, ids[2])
	require.NoError(t, err)
	require.Equal(t, []string{ids[1], ids[0]}, execIDs(page))
}

// execIDs lists the ids of executions.
func execIDs(es []workflow.Execution) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}
