package engine

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Environment of the child process started by the recovery tests.
const (
	childKind = "VAG_ENGINE_CHILD_KIND"
	childLoc  = "VAG_ENGINE_CHILD_DB"
)

// shortQueue rescues a dead process's jobs quickly, for the recovery tests.
var shortQueue = QueueConfig{Workers: 10, NodeTimeout: time.Second, RescueAfter: 2 * time.Second}

// TestEngineChildProcess is not a test: it is the body of the child process
// the recovery tests kill. It works jobs until it is killed.
func TestEngineChildProcess(t *testing.T) {
	kind := os.Getenv(childKind)
	if kind == "" {
		t.Skip("runs only as the child of TestRecoveryAfterSIGKILL")
	}
	attach(t, kind, os.Getenv(childLoc), Config{MaxParallel: 8, MaxAttempts: 3}, shortQueue, true)
	select {} // killed by the parent
}

// TestRecoveryAfterSIGKILL kills a real child process in the middle of a run
// and shows that a new process continues the run from its completed nodes:
// the completed node never runs again and nothing stays RUNNING.
func TestRecoveryAfterSIGKILL(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			loc := filepath.Join(t.TempDir(), "e.db")
			if kind == "postgres" {
				loc = pgtest.URL(t)
			}
			// The parent prepares the run without working any job.
			h := attach(t, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3}, shortQueue, false)
			h.user = workflow.NewID()
			require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "k@example.com"}))
			w := h.workflowOf([]spec{{name: "first"}, {name: "slow", cfg: `{"gate":true}`}, {name: "last"}}, "first>slow", "slow>last")
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)

			child := exec.Command(os.Args[0], "-test.run=^TestEngineChildProcess$")
			child.Env = append(os.Environ(), childKind+"="+kind, childLoc+"="+loc)
			require.NoError(t, child.Start())
			waitNode(t, h, w, x.ID, "slow", workflow.NodeRunning)
			require.NoError(t, child.Process.Signal(syscall.SIGKILL))
			_ = child.Wait()
			require.Equal(t, workflow.NodeCompleted, h.statuses(w, x.ID)["first"])

			// A new process on the same database takes the run over.
			h.fake.release("slow")
			require.NoError(t, h.queue.Start(context.Background()))
			t.Cleanup(func() { _ = h.queue.Stop(context.Background()) })
			done := h.waitForWithin(x.ID, workflow.ExecCompleted, 90*time.Second)
			require.NotNil(t, done.FinishedAt)
			require.Equal(t, 0, h.fake.attemptsOf("first"), "the completed node did not run again")
			require.Equal(t, 1, h.fake.attemptsOf("slow"))
			for name, st := range h.statuses(w, x.ID) {
				require.Equal(t, workflow.NodeCompleted, st, name)
			}
		})
	}
}

// waitNode polls until a node reaches status.
func waitNode(t *testing.T, h *harness, w workflow.Workflow, executionID, name string, status workflow.NodeStatus) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if h.statuses(w, executionID)[name] == status {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("node %s never became %s", name, status)
}
