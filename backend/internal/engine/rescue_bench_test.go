package engine

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// BenchmarkRescueAfterRestart SIGKILLs a process in the middle of a node and
// reports how long after a new process starts the run completes
// (rescue_after_restart_s), on SQLite and on Postgres.
func BenchmarkRescueAfterRestart(b *testing.B) {
	for _, kind := range backends {
		b.Run(kind, func(b *testing.B) {
			loc := filepath.Join(b.TempDir(), "e.db")
			if kind == "postgres" {
				loc = pgtest.URL(b)
			}
			h := attach(b, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3}, childQueue, false)
			h.user = workflow.NewID()
			require.NoError(b, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "r@example.com"}))
			w := h.workflowOf([]spec{{name: "first"}, {name: "slow", cfg: `{"gate":true}`}, {name: "last"}}, "first>slow", "slow>last")
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(b, err)
			child, started := startChild(b, kind, loc)
			waitStarted(b, started, "slow")
			require.NoError(b, child.Process.Signal(syscall.SIGKILL))
			_ = child.Wait()
			h.fake.release("slow")
			restart := time.Now()
			require.NoError(b, h.queue.Start(context.Background(), h.hooks()))
			b.Cleanup(func() { _ = h.queue.Stop(context.Background()) })
			h.waitForWithin(x.ID, workflow.ExecCompleted, time.Minute)
			report("rescue_after_restart_s_"+kind, time.Since(restart).Seconds(), "s")
		})
	}
}
