package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestParallelBranches runs two independent branches at the same time: each
// waits until the other has started.
func TestParallelBranches(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "root"}, {name: "left", cfg: `{"gate":true}`}, {name: "right", cfg: `{"gate":true}`}, {name: "join"}},
			"root>left", "root>right", "left>join", "right>join")
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		seen := map[string]bool{}
		for len(seen) < 3 {
			seen[<-h.fake.started] = true
		}
		require.True(t, seen["left"] && seen["right"], "both branches run at once")
		h.fake.release("left")
		h.fake.release("right")
		h.waitFor(x.ID, workflow.ExecCompleted)
	})
}

// TestCancelRunningNode cancels while a node runs: its context is cancelled,
// nothing is left PENDING, RUNNING or PAUSED, the execution CANCELLED.
func TestCancelRunningNode(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		w := h.workflowOf([]spec{{name: "a"}, {name: "slow", cfg: `{"gate":true}`}, {name: "c"}}, "a>slow", "slow>c")
		x, err := h.eng.Start(ctx, h.user, w.ID)
		require.NoError(t, err)
		for <-h.fake.started != "slow" {
		}
		st, err := h.eng.Cancel(ctx, h.user, x.ID)
		require.NoError(t, err)
		require.Equal(t, workflow.ExecCancelled, st.Status)
		require.Equal(t, "slow", <-h.fake.cancels, "the running node saw its context cancelled")
		require.Equal(t, map[string]workflow.NodeStatus{"a": "COMPLETED", "slow": "SKIPPED", "c": "SKIPPED"}, h.statuses(w, x.ID))
		x2, err := h.st.GetExecution(ctx, "", x.ID)
		require.NoError(t, err)
		require.Equal(t, workflow.ExecCancelled, x2.Status)
		require.NotNil(t, x2.FinishedAt)
	})
}

// TestFailure fails a node: it is FAILED with the error, the execution
// FAILED naming it, a running sibling cancelled, the rest SKIPPED.
func TestFailure(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "bad", cfg: `{"fail":"the prompt is empty"}`}, {name: "sibling", cfg: `{"gate":true}`}, {name: "after"}},
			"bad>after", "sibling>after")
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		done := h.waitFor(x.ID, workflow.ExecFailed)
		require.Equal(t, `node "bad" failed: the prompt is empty`, *done.ErrorMessage)
		nodes := h.nodes(w, x.ID)
		require.Equal(t, workflow.NodeFailed, nodes["bad"].Status)
		require.Equal(t, "the prompt is empty", *nodes["bad"].ErrorMessage)
		require.Equal(t, workflow.NodeSkipped, nodes["sibling"].Status)
		require.Equal(t, workflow.NodeSkipped, nodes["after"].Status)
	})
}

// TestRetryableErrorsAreRetried succeeds on the third try of a flaky node.
func TestRetryableErrorsAreRetried(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "flaky", cfg: `{"flaky":2}`}})
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		require.Equal(t, 3, h.fake.attemptsOf("flaky"))
	})
}

// TestRetriesRunOut fails a node whose retryable errors outlast its attempts.
func TestRetriesRunOut(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "flaky", cfg: `{"flaky":5}`}})
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		done := h.waitFor(x.ID, workflow.ExecFailed)
		require.Contains(t, *done.ErrorMessage, "rate limited")
		require.Equal(t, 3, h.fake.attemptsOf("flaky"))
	})
}

// TestPanicFailsTheNode turns a panicking executor into a failed node; the
// process (this test) lives on.
func TestPanicFailsTheNode(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "boom", cfg: `{"panic":"index out of range"}`}})
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		done := h.waitFor(x.ID, workflow.ExecFailed)
		require.Equal(t, `node "boom" failed: the node crashed (an internal error, logged): index out of range`, *done.ErrorMessage)
		require.NotContains(t, *h.nodes(w, x.ID)["boom"].ErrorMessage, "goroutine", "the stack (server paths) goes to the log, not to users")
	})
}
