package queue

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Heartbeats: every process writes its row each beat; a process silent for
// deadAfter is dead, and the jobs it was running are taken over at once (by
// whichever process holds the rescue lock on its tick, including a process
// that just started in the dead one's place).
const (
	beat         = time.Second
	deadAfter    = 4 * time.Second
	rescueKey    = 0x76616731 // advisory locks: one process rescues at a time,
	reconcileKey = 0x76616732 // and one reconciles
)

// heartbeatSQL creates the processes' heartbeat table, out of the API
// roles' reach.
const heartbeatSQL = `
create schema if not exists visualadgen_private;
create table if not exists visualadgen_private.queue_processes (
  id text primary key,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
)`

// NewPostgres migrates River's tables (schema "river") and builds a queue
// whose jobs are shared by every replica on the same database.
func NewPostgres(ctx context.Context, pool *pgxpool.Pool, qc Config, log *slog.Logger) (*River[pgx.Tx], error) {
	if _, err := pool.Exec(ctx, "create schema if not exists river;"+heartbeatSQL); err != nil {
		return nil, fmt.Errorf("river: create schemas: %w", err)
	}
	db := dialect[pgx.Tx]{
		enqueue: func(ctx context.Context, r *River[pgx.Tx], tx *store.Tx, params []river.InsertManyParams) error {
			_, err := r.client.InsertManyTx(ctx, tx.Pgx(), params)
			return err
		},
		prepare: func(ctx context.Context, r *River[pgx.Tx]) error {
			if err := heartbeat(ctx, r, pool); err != nil {
				return err
			}
			return rescuePostgres(ctx, r, pool)
		},
		keep: func(ctx context.Context, r *River[pgx.Tx]) { keepAlive(ctx, r, pool) },
		live: func(ctx context.Context, _ *River[pgx.Tx], ids []string) (map[job.Job]bool, error) {
			return livePostgres(ctx, pool, ids)
		},
		waiting: func(ctx context.Context) (map[string]int, error) { return waitingPostgres(ctx, pool) },
		wake: func(ctx context.Context, r *River[pgx.Tx], id int64, _ job.Job) error {
			_, err := r.client.JobRetry(ctx, id)
			return err
		},
	}
	// A job woken after a snooze (FAL finished) is found by the next poll.
	return newRiver(ctx, riverpgxv5.New(pool), riverConfig(qc, log, "river", 50*time.Millisecond), db, log)
}

// keepAlive beats and rescues until ctx ends, then removes this process's
// row (a process that stops cleanly leaves no jobs behind).
func keepAlive(ctx context.Context, r *River[pgx.Tx], pool *pgxpool.Pool) {
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = pool.Exec(cctx, `delete from visualadgen_private.queue_processes where id = $1`, r.id)
	}()
	tick := time.NewTicker(beat)
	defer tick.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if err := heartbeat(ctx, r, pool); err != nil && ctx.Err() == nil {
			r.log.Warn("queue: heartbeat failed", "err", err)
		}
		if err := rescuePostgres(ctx, r, pool); err != nil && ctx.Err() == nil {
			r.log.Warn("queue: rescuing a dead process's jobs failed", "err", err)
		}
		if time.Since(last) >= reconcileEvery {
			last = time.Now()
			exclusive(ctx, pool, reconcileKey, func(ctx context.Context) { r.reconcile(ctx, false) })
		}
	}
}

// heartbeat records that this process is alive.
func heartbeat(ctx context.Context, r *River[pgx.Tx], pool *pgxpool.Pool) error {
	_, err := pool.Exec(ctx, `insert into visualadgen_private.queue_processes (id) values ($1)
		on conflict (id) do update set heartbeat_at = now()`, r.id)
	return err
}

// exclusive runs fn unless another process holds the session lock key.
func exclusive(ctx context.Context, pool *pgxpool.Pool, key int64, fn func(context.Context)) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return
	}
	defer conn.Release()
	var mine bool
	if err := conn.QueryRow(ctx, `select pg_try_advisory_lock($1)`, key).Scan(&mine); err != nil || !mine {
		return
	}
	defer func() { _, _ = conn.Exec(context.WithoutCancel(ctx), `select pg_advisory_unlock($1)`, key) }()
	fn(ctx)
}

// rescuePostgres makes available again, at once, the jobs running on
// processes whose heartbeat stopped, and tells the engine of each.
func rescuePostgres(ctx context.Context, r *River[pgx.Tx], pool *pgxpool.Pool) error {
	var rescued []job.Job
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var mine bool
		if err := tx.QueryRow(ctx, `select pg_try_advisory_xact_lock($1)`, rescueKey).Scan(&mine); err != nil || !mine {
			return err
		}
		dead, err := deadHolders(ctx, tx)
		if err != nil || len(dead) == 0 {
			return err
		}
		rows, err := tx.Query(ctx, `update river.river_job set state = 'available', scheduled_at = now()
			where state = 'running' and kind = $1 and attempted_by[array_length(attempted_by, 1)] = any($2)
			returning args->>'execution_id', args->>'node_id'`, kind, dead)
		if err != nil {
			return err
		}
		for rows.Next() {
			var j job.Job
			if err := rows.Scan(&j.ExecutionID, &j.NodeID); err != nil {
				return err
			}
			rescued = append(rescued, j)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `delete from visualadgen_private.queue_processes where heartbeat_at < now() - $1::interval`,
			(10 * deadAfter).String())
		return err
	})
	if err != nil {
		return err
	}
	r.tellRescued(ctx, rescued)
	return nil
}

// deadHolders lists the processes holding running jobs that are dead: their
// heartbeat stopped, or (known at once) they ran on this host and their
// process id no longer exists.
func deadHolders(ctx context.Context, tx pgx.Tx) ([]string, error) {
	rows, err := tx.Query(ctx, `select distinct j.attempted_by[array_length(j.attempted_by, 1)],
		  exists (select 1 from visualadgen_private.queue_processes p
		          where p.id = j.attempted_by[array_length(j.attempted_by, 1)] and p.heartbeat_at > now() - $2::interval)
		from river.river_job j where j.state = 'running' and j.kind = $1`, kind, deadAfter.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var dead []string
	for rows.Next() {
		var holder string
		var beating bool
		if err := rows.Scan(&holder, &beating); err != nil {
			return nil, err
		}
		if !beating || exitedHere(holder) {
			dead = append(dead, holder)
		}
	}
	return dead, rows.Err()
}

// tellRescued passes each rescued job to the engine.
func (r *River[TTx]) tellRescued(ctx context.Context, jobs []job.Job) {
	for _, j := range jobs {
		r.log.Info("queue: took over a job from a process that stopped", "execution_id", j.ExecutionID, "node_id", j.NodeID)
		if r.hooks.Rescued != nil {
			if err := r.hooks.Rescued(ctx, j); err != nil {
				r.log.Warn("queue: recording a rescue failed", "err", err)
			}
		}
	}
}

// livePostgres lists the node jobs of the executions that can still run.
func livePostgres(ctx context.Context, pool *pgxpool.Pool, ids []string) (map[job.Job]bool, error) {
	rows, err := pool.Query(ctx, `select args->>'execution_id', args->>'node_id' from river.river_job
		where kind = $1 and args->>'execution_id' = any($2)
		  and state in ('available', 'pending', 'retryable', 'running', 'scheduled')`, kind, ids)
	if err != nil {
		return nil, fmt.Errorf("queue: live jobs: %w", err)
	}
	defer rows.Close()
	out := map[job.Job]bool{}
	for rows.Next() {
		var j job.Job
		if err := rows.Scan(&j.ExecutionID, &j.NodeID); err != nil {
			return nil, err
		}
		out[j] = true
	}
	return out, rows.Err()
}
