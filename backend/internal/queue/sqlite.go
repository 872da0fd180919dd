package queue

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// NewSQLite migrates River's tables into the SQLite file and builds a queue
// for this one process.
func NewSQLite(ctx context.Context, db *sql.DB, qc Config, log *slog.Logger) (*River[*sql.Tx], error) {
	// Jobs are inserted where River is told of them at once (see enqueue and
	// wake), so polling is only a backstop: rarely, to keep the idle process
	// light.
	cfg := riverConfig(qc, log, "", 200*time.Millisecond)
	cfg.PollOnly = true
	d := dialect[*sql.Tx]{
		// Without LISTEN, River fetches at once only for jobs inserted
		// outside a transaction; so jobs are inserted right after the
		// transaction that made them ready commits. Were the process to die
		// in between, the engine's repair at start enqueues them again.
		enqueue: func(ctx context.Context, r *River[*sql.Tx], tx *store.Tx, params []river.InsertManyParams) error {
			tx.OnCommit(func() {
				if _, err := r.client.InsertMany(context.WithoutCancel(ctx), params); err != nil {
					r.log.Error("queue: enqueue after commit failed; the run is repaired at the next start", "err", err)
				}
			})
			return nil
		},
		prepare: func(ctx context.Context, r *River[*sql.Tx]) error { return rescueSQLite(ctx, r, db) },
		keep: func(ctx context.Context, r *River[*sql.Tx]) {
			r.reconcile(ctx, true) // at start: repairs what the previous run left
			tick := time.NewTicker(reconcileEvery)
			defer tick.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
					r.reconcile(ctx, false)
				}
			}
		},
		live: func(ctx context.Context, _ *River[*sql.Tx], ids []string) (map[job.Job]bool, error) {
			return liveSQLite(ctx, db, ids)
		},
		waiting: func(ctx context.Context) (map[string]int, error) { return waitingSQLite(ctx, db) },
		// A snoozed job is replaced by a new one, inserted where River sees it
		// at once (making the old one available would wait for the poll).
		wake: func(ctx context.Context, r *River[*sql.Tx], id int64, j job.Job) error {
			if _, err := r.client.JobDelete(ctx, id); err != nil {
				return err
			}
			_, err := r.client.InsertMany(ctx, []river.InsertManyParams{{Args: NodeArgs(j)}})
			return err
		},
	}
	return newRiver(ctx, pollingSQLite{riversqlite.New(db)}, cfg, d, log)
}

// pollingSQLite is River's SQLite driver, said to have no listener: River's
// SQLite listener polls an outbox table every 50 ms, while a client without a
// listener is told of jobs inserted outside a transaction at once, which is
// how jobs are inserted here (PollOnly is set, so no listener is used).
type pollingSQLite struct{ *riversqlite.Driver }

// SupportsListener reports false: see pollingSQLite.
func (pollingSQLite) SupportsListener() bool { return false }

// rescueSQLite, at start, makes every running job available again: one
// process owns a SQLite file, so any job running now was left by its
// previous run, which died.
func rescueSQLite(ctx context.Context, r *River[*sql.Tx], db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `update river_job set state = 'available', scheduled_at = datetime('now', 'subsec')
		where state = 'running' and kind = ?
		returning json_extract(args, '$.execution_id'), json_extract(args, '$.node_id')`, kind)
	if err != nil {
		return err
	}
	var rescued []job.Job
	for rows.Next() {
		var j job.Job
		if err := rows.Scan(&j.ExecutionID, &j.NodeID); err != nil {
			_ = rows.Close()
			return err
		}
		rescued = append(rescued, j)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	r.tellRescued(ctx, rescued)
	return nil
}

// liveSQLite lists the node jobs of the executions that can still run.
func liveSQLite(ctx context.Context, db *sql.DB, ids []string) (map[job.Job]bool, error) {
	out := map[job.Job]bool{}
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, `select json_extract(args, '$.node_id') from river_job
			where kind = ? and json_extract(args, '$.execution_id') = ?
			  and state in ('available', 'pending', 'retryable', 'running', 'scheduled')`, kind, id)
		if err != nil {
			return nil, fmt.Errorf("queue: live jobs: %w", err)
		}
		for rows.Next() {
			j := job.Job{ExecutionID: id}
			if err := rows.Scan(&j.NodeID); err != nil {
				_ = rows.Close()
				return nil, err
			}
			out[j] = true
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
