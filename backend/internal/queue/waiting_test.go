package queue_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
)

// waiter is what the test needs of either queue.
type waiter interface {
	Enqueue(ctx context.Context, tx *store.Tx, jobs []job.Job) error
	Waiting(ctx context.Context) (map[string]int, error)
}

// TestWaitingCountsNodeJobs enqueues two node jobs on a queue that works
// nothing (it is not started) and reads them back as available, with the
// other waiting states at zero, on both databases.
func TestWaitingCountsNodeJobs(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	qc := queue.Config{Workers: 1, NodeTimeout: time.Minute, RescueAfter: 2 * time.Minute}
	open := map[string]func(t *testing.T) (waiter, *store.Store){
		"sqlite": func(t *testing.T) (waiter, *store.Store) {
			db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "q.db"), quiet)
			require.NoError(t, err)
			t.Cleanup(func() { _ = db.Close() })
			q, err := queue.NewSQLite(ctx, db, qc, quiet)
			require.NoError(t, err)
			return q, store.NewSQLite(db)
		},
		"postgres": func(t *testing.T) (waiter, *store.Store) {
			pool, err := postgres.Open(ctx, pgtest.URL(t), quiet)
			require.NoError(t, err)
			t.Cleanup(pool.Close)
			q, err := queue.NewPostgres(ctx, pool, qc, quiet)
			require.NoError(t, err)
			return q, store.NewPostgres(pool)
		},
	}
	for name, opener := range open {
		t.Run(name, func(t *testing.T) {
			q, st := opener(t)
			got, err := q.Waiting(ctx)
			require.NoError(t, err)
			require.Equal(t, map[string]int{"available": 0, "scheduled": 0, "retryable": 0}, got)
			jobs := []job.Job{{ExecutionID: "x", NodeID: "a"}, {ExecutionID: "x", NodeID: "b"}}
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { return q.Enqueue(ctx, tx, jobs) }))
			got, err = q.Waiting(ctx)
			require.NoError(t, err)
			require.Equal(t, map[string]int{"available": 2, "scheduled": 0, "retryable": 0}, got)
		})
	}
}
