package engine

import (
	"context"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestTwoReplicas runs two engine processes on one Postgres: this test and a
// child process. Both execute nodes of one workload; then the child is
// killed with SIGKILL and every run still completes. Each run's last node
// waits for a gate only this process opens, after the kill: whichever
// replica the work went to, this one runs those nodes (the child's are
// taken over from it), so the test does not depend on how fast each
// replica came up.
func TestTwoReplicas(t *testing.T) {
	t.Parallel()
	loc := pgtest.URL(t)
	h := attach(t, "postgres", loc, Config{MaxParallel: 8, MaxAttempts: 3}, childQueue, false)
	h.user = workflow.NewID()
	require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "r@example.com"}))

	child, started := startChild(t, "postgres", loc)
	w := h.workflowOf([]spec{{name: "a", cfg: `{"sleep_ms":150}`}, {name: "b", cfg: `{"sleep_ms":150}`}, {name: "c", cfg: `{"gate":true}`}}, "a>b", "b>c")
	var runs []string
	for range 40 {
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		runs = append(runs, x.ID)
	}
	// This replica joins once the child has started a node, so the two
	// share the work however slowly the child (under the race detector, on
	// a busy machine) came up.
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("the child started no node")
	}
	require.NoError(t, h.queue.Start(context.Background(), h.hooks()))
	t.Cleanup(func() { _ = h.queue.Stop(context.Background()) })
	// Wait until the child has completed some nodes (checked on each
	// completion the database announces), then kill it mid-work.
	sub := h.hub.Subscribe("")
	deadline := time.After(30 * time.Second)
	for len(pidsOf(t, h, runs)[child.Process.Pid]) == 0 {
		select {
		case <-sub.C:
		case <-deadline:
			t.Fatal("the child completed no node")
		}
	}
	sub.Close()
	require.NoError(t, child.Process.Signal(syscall.SIGKILL))
	killed := time.Now()
	h.fake.release("c") // here, the last nodes may finish now
	for _, id := range runs {
		h.waitForWithin(id, workflow.ExecCompleted, 15*time.Second-time.Since(killed))
	}
	t.Logf("every run completed %.1f s after the other replica was killed", time.Since(killed).Seconds())
	pids := pidsOf(t, h, runs)
	require.NotEmpty(t, pids[os.Getpid()], "this replica executed nodes")
	require.NotEmpty(t, pids[child.Process.Pid], "the other replica executed nodes")
	t.Logf("nodes run by this replica: %d, by the killed one: %d", len(pids[os.Getpid()]), len(pids[child.Process.Pid]))
}

// pidsOf maps each process id to the completed node executions it ran.
func pidsOf(t *testing.T, h *harness, runs []string) map[int][]string {
	out := map[int][]string{}
	for _, id := range runs {
		list, err := h.st.ListNodeExecutions(context.Background(), id)
		require.NoError(t, err)
		for _, ne := range list {
			if ne.Status != workflow.NodeCompleted {
				continue
			}
			var o struct {
				PID int `json:"pid"`
			}
			require.NoError(t, json.Unmarshal(ne.OutputData, &o))
			out[o.PID] = append(out[o.PID], ne.ID)
		}
	}
	return out
}
