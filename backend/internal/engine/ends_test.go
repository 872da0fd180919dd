package engine

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestCrashLoopEnds runs a node that ends its process, in two child
// processes one after the other: the second death fails the node with a
// message saying so, and the surviving process goes on serving runs.
func TestCrashLoopEnds(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			loc := filepath.Join(t.TempDir(), "e.db")
			if kind == "postgres" {
				loc = pgtest.URL(t)
			}
			h := attach(t, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3}, childQueue, false)
			h.user = workflow.NewID()
			require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "c@example.com"}))
			w := h.workflowOf([]spec{{name: "crash", cfg: `{"exit":3}`}})
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)
			for range 2 {
				child, _ := startChild(t, kind, loc)
				exited := make(chan error, 1)
				go func() { exited <- child.Wait() }()
				select {
				case err := <-exited:
					require.ErrorContains(t, err, "exit status 3", "the node ended its process")
				case <-time.After(30 * time.Second):
					t.Fatal("the child never ran the node")
				}
			}
			require.NoError(t, h.queue.Start(context.Background(), h.hooks()))
			t.Cleanup(func() { _ = h.queue.Stop(context.Background()) })
			failed := h.waitForWithin(x.ID, workflow.ExecFailed, 15*time.Second)
			require.Contains(t, *failed.ErrorMessage, "the server stopped 2 times while running this node")
			ok := h.workflowOf([]spec{{name: "fine"}})
			y, err := h.eng.Start(context.Background(), h.user, ok.ID)
			require.NoError(t, err)
			h.waitFor(y.ID, workflow.ExecCompleted)
		})
	}
}

// TestOutcomesAreRecordedPastTheDeadline lets nodes run past their job's
// deadline (one succeeds, one fails) and output a NUL: every run still ends.
func TestOutcomesAreRecordedPastTheDeadline(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			loc := filepath.Join(t.TempDir(), "e.db")
			if kind == "postgres" {
				loc = pgtest.URL(t)
			}
			h := attach(t, kind, loc, Config{MaxParallel: 8, MaxAttempts: 1},
				queue.Config{Workers: 4, NodeTimeout: 300 * time.Millisecond, RescueAfter: time.Minute}, true)
			h.user = workflow.NewID()
			require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "d@example.com"}))
			for cfg, want := range map[string]workflow.ExecutionStatus{
				`{"overrun_ms":600}`:               workflow.ExecCompleted,
				`{"overrun_ms":600,"fail":"late"}`: workflow.ExecFailed,
				`{"nul":true}`:                     workflow.ExecCompleted,
			} {
				w := h.workflowOf([]spec{{name: "n", cfg: cfg}})
				x, err := h.eng.Start(context.Background(), h.user, w.ID)
				require.NoError(t, err)
				h.waitForWithin(x.ID, want, 30*time.Second)
				if cfg == `{"nul":true}` {
					var out map[string]any
					require.NoError(t, json.Unmarshal(h.nodes(w, x.ID)["n"].OutputData, &out))
					require.Equal(t, "badbyte", out["title"], "the NUL is removed, not stored")
				}
			}
		})
	}
}

// TestReconcilerEndsARunWithoutAJob deletes a queued node's job by hand: the
// reconciler ends the run FAILED, naming the node.
func TestReconcilerEndsARunWithoutAJob(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			loc := filepath.Join(t.TempDir(), "e.db")
			if kind == "postgres" {
				loc = pgtest.URL(t)
			}
			h := attach(t, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3, ReconcileGrace: -1}, childQueue, false)
			h.user = workflow.NewID()
			require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "e@example.com"}))
			w := h.workflowOf([]spec{{name: "orphan"}})
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)
			deleteJobs(t, h, kind)
			require.NoError(t, h.eng.Reconcile(context.Background()))
			got := h.waitForWithin(x.ID, workflow.ExecFailed, 5*time.Second)
			require.Contains(t, *got.ErrorMessage, `node "orphan" failed: its job was lost`)
		})
	}
}

// deleteJobs removes every River job, as an operator might by hand.
func deleteJobs(t *testing.T, h *harness, kind string) {
	table := "river_job"
	if kind == "postgres" {
		table = "river.river_job"
	}
	require.NoError(t, h.exec("delete from "+table))
}
