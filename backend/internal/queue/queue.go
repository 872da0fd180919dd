// Package queue works the engine's node jobs on River, on Postgres (every
// replica shares the work) or on SQLite (one process). The engine sees only
// its small Queue interface; River and the database drivers stay here.
package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Config tunes the River client that works node jobs.
type Config struct {
	Workers     int           // node jobs this process works at once
	NodeTimeout time.Duration // longest one node job may run
	RescueAfter time.Duration // when a job of a dead process is run again
}

// Handler runs one node job; the engine's RunNode.
type Handler func(ctx context.Context, job job.Job, attempt int) error

// River is the job queue on River, for either database driver.
type River[TTx any] struct {
	client  *river.Client[TTx]
	txOf    func(*store.Tx) TTx
	handler Handler
}

// Enqueue inserts node jobs inside tx.
func (r *River[TTx]) Enqueue(ctx context.Context, tx *store.Tx, jobs []job.Job) error {
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: NodeArgs(j)}
	}
	if _, err := r.client.InsertManyTx(ctx, r.txOf(tx), params); err != nil {
		return fmt.Errorf("enqueue node jobs: %w", err)
	}
	return nil
}

// Start begins working jobs with h.
func (r *River[TTx]) Start(ctx context.Context, h Handler) error {
	r.handler = h
	return r.client.Start(ctx)
}

// Stop lets running jobs finish (until ctx ends, then cancels them).
func (r *River[TTx]) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	if ctx.Err() != nil {
		return r.client.StopAndCancel(context.Background())
	}
	return err
}

// NewPostgres migrates River's tables (schema "river") and builds a queue
// whose jobs are shared by every replica on the same database.
func NewPostgres(ctx context.Context, pool *pgxpool.Pool, qc Config, log *slog.Logger) (*River[pgx.Tx], error) {
	if _, err := pool.Exec(ctx, "create schema if not exists river"); err != nil {
		return nil, fmt.Errorf("river: create schema: %w", err)
	}
	q := &River[pgx.Tx]{txOf: func(tx *store.Tx) pgx.Tx { return tx.Pgx() }}
	cfg := riverConfig(q.run, qc, log, "river")
	cfg.FetchCooldown, cfg.FetchPollInterval = 2*time.Millisecond, 200*time.Millisecond
	return q, q.init(ctx, riverpgxv5.New(pool), cfg, "river")
}

// NewSQLite migrates River's tables into the SQLite file and builds a queue
// for this one process.
func NewSQLite(ctx context.Context, db *sql.DB, qc Config, log *slog.Logger) (*River[*sql.Tx], error) {
	q := &River[*sql.Tx]{txOf: func(tx *store.Tx) *sql.Tx { return tx.SQL() }}
	cfg := riverConfig(q.run, qc, log, "")
	cfg.PollOnly = true
	// River triggers a fetch only for jobs inserted outside a transaction
	// when there is no LISTEN; ours are inserted inside one, so SQLite polls
	// often (a cheap indexed query on a local file).
	cfg.FetchCooldown, cfg.FetchPollInterval = time.Millisecond, 10*time.Millisecond
	return q, q.init(ctx, riversqlite.New(db), cfg, "")
}

// init migrates River's schema and creates the client.
func (r *River[TTx]) init(ctx context.Context, driver riverdriver.Driver[TTx], cfg *river.Config, schema string) error {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Schema: schema, Logger: cfg.Logger})
	if err != nil {
		return fmt.Errorf("river: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river: migrate: %w", err)
	}
	if r.client, err = river.NewClient(driver, cfg); err != nil {
		return fmt.Errorf("river: %w", err)
	}
	return nil
}

// run hands a job to the handler and turns its answer into River's.
func (r *River[TTx]) run(ctx context.Context, j job.Job, attempt int) error {
	err := r.handler(ctx, j, attempt)
	var s job.Snooze
	if errors.As(err, &s) {
		return river.JobSnooze(s.After)
	}
	return err
}

// riverConfig is the client configuration shared by both drivers.
func riverConfig(run Handler, qc Config, log *slog.Logger, schema string) *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, &nodeWorker{run: run, timeout: qc.NodeTimeout})
	return &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: max(qc.Workers, 1)}},
		Workers:              workers,
		JobTimeout:           qc.NodeTimeout,
		RescueStuckJobsAfter: qc.RescueAfter,
		Schema:               schema,
		Logger:               log.With("component", "river"),
		MaxAttempts:          25,
	}
}
