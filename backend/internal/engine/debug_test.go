package engine

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"

	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestBreakpointStepResume pauses before a breakpoint, steps one node at a
// time, then resumes to the end.
func TestBreakpointStepResume(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a"}, {name: "b", brk: true}, {name: "c"}, {name: "d"}}, "a>b", "b>c", "c>d")
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecPaused)
		require.Equal(t, map[string]workflow.NodeStatus{"a": "COMPLETED", "b": "PAUSED", "c": "PENDING", "d": "PENDING"}, h.statuses(w, x.ID))

		st, err := h.eng.Step(ctx, h.user, x.ID)
		require.NoError(t, err)
		require.Equal(t, workflow.ExecRunning, st.Status)
		require.Equal(t, w.Nodes[1].ID, *st.CurrentNodeID, "step names the node it runs")
		h.waitFor(x.ID, workflow.ExecPaused)
		require.Equal(t, map[string]workflow.NodeStatus{"a": "COMPLETED", "b": "COMPLETED", "c": "PAUSED", "d": "PENDING"}, h.statuses(w, x.ID),
			"step ran exactly b and paused before c, which has no breakpoint")

		_, err = h.eng.Resume(ctx, h.user, x.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		require.Equal(t, map[string]workflow.NodeStatus{"a": "COMPLETED", "b": "COMPLETED", "c": "COMPLETED", "d": "COMPLETED"}, h.statuses(w, x.ID))
	})
}

// TestPausedAtStart answers PAUSED when the first node has a breakpoint.
func TestPausedAtStart(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a", brk: true}, {name: "b"}}, "a>b")
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		require.Equal(t, workflow.ExecPaused, x.Status)
		st, err := h.eng.Step(ctx, h.user, x.ID)
		require.NoError(t, err)
		require.Equal(t, w.Nodes[0].ID, *st.CurrentNodeID)
		h.waitFor(x.ID, workflow.ExecPaused)
		st, err = h.eng.Step(ctx, h.user, x.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
	})
}

// TestWrongStateIsAnError refuses step, resume and cancel that do not apply.
func TestWrongStateIsAnError(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a", cfg: `{"gate":true}`}})
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		<-h.fake.started
		_, err = h.eng.Step(ctx, h.user, x.ID)
		require.Equal(t, fault.CodeConflict, fault.CodeOf(err), err)
		require.ErrorContains(t, err, "cannot step an execution that is RUNNING")
		_, err = h.eng.Resume(ctx, h.user, x.ID)
		require.Equal(t, fault.CodeConflict, fault.CodeOf(err), err)
		h.fake.release("a")
		h.waitFor(x.ID, workflow.ExecCompleted)
		_, err = h.eng.Cancel(ctx, h.user, x.ID)
		require.ErrorContains(t, err, "already COMPLETED")
		_, err = h.eng.Cancel(ctx, workflow.NewID(), x.ID)
		require.Equal(t, fault.CodeNotFound, fault.CodeOf(err), "another user's execution is not found")
	})
}

// TestConcurrentControl sends step, resume and cancel at once to a paused
// execution: exactly one of step/resume wins or cancel ends it, and the
// final state is consistent.
func TestConcurrentControl(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a", brk: true, cfg: `{"gate":true}`}, {name: "b"}}, "a>b")
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		var wg sync.WaitGroup
		results := make([]error, 6)
		for i := range results {
			wg.Go(func() {
				switch i % 3 {
				case 0:
					_, results[i] = h.eng.Step(ctx, h.user, x.ID)
				case 1:
					_, results[i] = h.eng.Resume(ctx, h.user, x.ID)
				default:
					_, results[i] = h.eng.Cancel(ctx, h.user, x.ID)
				}
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range results {
			if err == nil {
				ok++
			} else {
				require.Equal(t, fault.CodeConflict, fault.CodeOf(err), err)
			}
		}
		require.GreaterOrEqual(t, ok, 1)
		require.LessOrEqual(t, ok, 2, "at most one release and one cancel can succeed")
		h.fake.releaseAll()
		final := h.waitForFinal(x.ID)
		for name, st := range h.statuses(w, x.ID) {
			require.True(t, st.Final(), "%s left %s in a %s execution", name, st, final)
		}
	})
}

// waitForFinal waits until the execution ends, in whatever status.
func (h *harness) waitForFinal(executionID string) workflow.ExecutionStatus {
	h.t.Helper()
	sub := h.hub.Subscribe(executionID)
	defer sub.Close()
	deadline := time.After(30 * time.Second)
	for {
		x, err := h.st.GetExecution(context.Background(), "", executionID)
		require.NoError(h.t, err)
		if x.Status.Final() {
			return x.Status
		}
		select {
		case <-sub.C:
		case <-deadline:
			h.t.Fatal("execution did not end")
		}
	}
}

// TestSnapshot edits the workflow while a run is paused: the run goes on
// with the graph it started with.
func TestSnapshot(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a", brk: true}, {name: "b", cfg: `{"out":{"v":"old"}}`}}, "a>b")
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		edited := w.Nodes
		edited[1].Config = json.RawMessage(`{"out":{"v":"new"}}`)
		edited[0].HasBreakpoint = false
		require.NoError(t, h.st.InTx(ctx, func(tx *store.Tx) error {
			return tx.ReplaceGraph(ctx, w.ID, workflow.Graph{Nodes: edited, Edges: w.Edges})
		}))
		_, err = h.eng.Resume(ctx, h.user, x.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		var out map[string]any
		require.NoError(t, json.Unmarshal(h.nodes(w, x.ID)["b"].OutputData, &out))
		require.Equal(t, "old", out["v"])
	})
}

// TestInvalidWorkflowIsRefused writes nothing for a graph with a cycle.
func TestInvalidWorkflowIsRefused(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a"}, {name: "b"}}, "a>b", "b>a")
		_, err := h.eng.Start(ctx, h.user, w.ID)
		require.Equal(t, fault.CodeInvalid, fault.CodeOf(err), err)
		require.ErrorContains(t, err, `cycle: "a" -> "b" -> "a"`)
		list, err := h.st.ListExecutions(ctx, w.ID, 10, "")
		require.NoError(t, err)
		require.Empty(t, list)
	})
}
