package engine

import (
	"context"
	"database/sql"
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

	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// QueueConfig tunes the River client that works node jobs.
type QueueConfig struct {
	Workers     int           // node jobs this process works at once
	NodeTimeout time.Duration // longest one node job may run
	RescueAfter time.Duration // when a job of a dead process is run again
}

// River is the job queue on River, for either database driver.
type River[TTx any] struct {
	client *river.Client[TTx]
	txOf   func(*store.Tx) TTx
}

// Enqueue inserts node jobs inside tx.
func (r *River[TTx]) Enqueue(ctx context.Context, tx *store.Tx, jobs []Job) error {
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: nodeArgs(j)}
	}
	if _, err := r.client.InsertManyTx(ctx, r.txOf(tx), params); err != nil {
		return fmt.Errorf("enqueue node jobs: %w", err)
	}
	return nil
}

// Start begins working jobs.
func (r *River[TTx]) Start(ctx context.Context) error { return r.client.Start(ctx) }

// Stop lets running jobs finish (until ctx ends, then cancels them).
func (r *River[TTx]) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	if ctx.Err() != nil {
		return r.client.StopAndCancel(context.Background())
	}
	return err
}

// NewPostgresQueue migrates River's tables (schema "river") and builds a
// queue whose jobs are shared by every replica on the same database.
func NewPostgresQueue(ctx context.Context, pool *pgxpool.Pool, eng *Engine, qc QueueConfig, log *slog.Logger) (*River[pgx.Tx], error) {
	if _, err := pool.Exec(ctx, "create schema if not exists river"); err != nil {
		return nil, fmt.Errorf("river: create schema: %w", err)
	}
	driver := riverpgxv5.New(pool)
	cfg := riverConfig(eng, qc, log, "river")
	cfg.FetchCooldown, cfg.FetchPollInterval = 2*time.Millisecond, 200*time.Millisecond
	return newRiver(ctx, driver, cfg, "river", func(tx *store.Tx) pgx.Tx { return tx.Native.(pgx.Tx) })
}

// NewSQLiteQueue migrates River's tables into the SQLite file and builds a
// queue for this one process.
func NewSQLiteQueue(ctx context.Context, db *sql.DB, eng *Engine, qc QueueConfig, log *slog.Logger) (*River[*sql.Tx], error) {
	driver := riversqlite.New(db)
	cfg := riverConfig(eng, qc, log, "")
	cfg.PollOnly = true
	// River triggers a fetch only for jobs inserted outside a transaction
	// when there is no LISTEN; ours are inserted inside one, so SQLite polls
	// often (a cheap indexed query on a local file).
	cfg.FetchCooldown, cfg.FetchPollInterval = time.Millisecond, 10*time.Millisecond
	return newRiver(ctx, driver, cfg, "", func(tx *store.Tx) *sql.Tx { return tx.Native.(*sql.Tx) })
}

// newRiver migrates River's schema and creates the client.
func newRiver[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], cfg *river.Config, schema string, txOf func(*store.Tx) TTx) (*River[TTx], error) {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Schema: schema, Logger: cfg.Logger})
	if err != nil {
		return nil, fmt.Errorf("river: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("river: migrate: %w", err)
	}
	client, err := river.NewClient(driver, cfg)
	if err != nil {
		return nil, fmt.Errorf("river: %w", err)
	}
	return &River[TTx]{client: client, txOf: txOf}, nil
}

// riverConfig is the client configuration shared by both drivers.
func riverConfig(eng *Engine, qc QueueConfig, log *slog.Logger, schema string) *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, &nodeWorker{eng: eng, timeout: qc.NodeTimeout})
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
