package engine

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/queue"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Environment of the child process started by the recovery tests.
const (
	childKind = "VAG_ENGINE_CHILD_KIND"
	childLoc  = "VAG_ENGINE_CHILD_DB"
)

// childQueue is the queue of the recovery tests: River's own rescue is a
// minute away, so only the heartbeats can explain a quick takeover.
var childQueue = queue.Config{Workers: 10, NodeTimeout: 30 * time.Second, RescueAfter: time.Minute}

// TestEngineChildProcess is not a test: it is the body of the child process
// the recovery tests kill. It works jobs until it is killed.
func TestEngineChildProcess(t *testing.T) {
	kind := os.Getenv(childKind)
	if kind == "" {
		t.Skip("runs only as the child of TestRecoveryAfterSIGKILL")
	}
	h := attach(t, kind, os.Getenv(childLoc), Config{MaxParallel: 8, MaxAttempts: 3}, childQueue, true)
	for name := range h.fake.started { // tell the parent, which waits on it
		fmt.Printf("started:%s\n", name)
	}
}

// startChild starts a child process working jobs on the database at loc and
// returns it with the names of the nodes it starts, as it starts them.
func startChild(t testing.TB, kind, loc string) (*exec.Cmd, <-chan string) {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^TestEngineChildProcess$")
	child.Env = append(os.Environ(), childKind+"="+kind, childLoc+"="+loc)
	out, err := child.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, child.Start())
	t.Cleanup(func() { _ = child.Process.Kill(); _ = child.Wait() }) // Wait may have been called: its error is moot
	started := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "started:"); ok {
				started <- name
			}
		}
	}()
	return child, started
}

// waitStarted waits until the child says it started node name.
func waitStarted(t testing.TB, started <-chan string, name string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case n := <-started:
			if n == name {
				return
			}
		case <-deadline:
			t.Fatalf("the child never started %s", name)
		}
	}
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
			h := attach(t, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3}, childQueue, false)
			h.user = workflow.NewID()
			require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "k@example.com"}))
			w := h.workflowOf([]spec{{name: "first"}, {name: "slow", cfg: `{"gate":true}`}, {name: "last"}}, "first>slow", "slow>last")
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)

			child, started := startChild(t, kind, loc)
			waitStarted(t, started, "slow")
			require.NoError(t, child.Process.Signal(syscall.SIGKILL))
			_ = child.Wait()
			require.Equal(t, workflow.NodeCompleted, h.statuses(w, x.ID)["first"])

			// A new process on the same database takes the run over.
			h.fake.release("slow")
			restart := time.Now()
			require.NoError(t, h.queue.Start(context.Background(), h.hooks()))
			t.Cleanup(func() { _ = h.queue.Stop(context.Background()) })
			done := h.waitForWithin(x.ID, workflow.ExecCompleted, 10*time.Second)
			t.Logf("%s: completed %.1f s after the restart", kind, time.Since(restart).Seconds())
			require.NotNil(t, done.FinishedAt)
			require.Equal(t, 0, h.fake.attemptsOf("first"), "the completed node did not run again")
			require.Equal(t, 1, h.fake.attemptsOf("slow"))
			for name, st := range h.statuses(w, x.ID) {
				require.Equal(t, workflow.NodeCompleted, st, name)
			}
		})
	}
}
