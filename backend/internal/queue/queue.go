// Package queue works the engine's node jobs on River, on Postgres (every
// replica shares the work) or on SQLite (one process). The engine sees only
// its small Queue interface; River and the database drivers stay here, with
// what River does not do for us: taking over a dead process's jobs within
// seconds (heartbeats), waking a snoozed job at once, and telling which jobs
// are still alive.
package queue

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Config tunes the River client that works node jobs.
type Config struct {
	Workers     int           // node jobs this process works at once
	NodeTimeout time.Duration // longest one node job may run
	RescueAfter time.Duration // River's own last-resort rescue of a stuck job
}

// Handler runs one node job; the engine's RunNode.
type Handler func(ctx context.Context, j job.Job, attempt int) error

// Hooks are what the queue calls into the engine.
type Hooks struct {
	// Run runs one node job: the engine's RunNode.
	Run Handler
	// Rescued is told of each job taken over from a dead process (the engine
	// counts them, and fails a node whose process died twice).
	Rescued func(ctx context.Context, j job.Job) error
	// Reconcile ends runs that nothing can move forward any more; it runs on
	// one process at a time, every reconcileEvery.
	Reconcile func(ctx context.Context) error
	// Repair, at the start of a single-process queue (SQLite), gives a node
	// whose job was never inserted a new one.
	Repair func(ctx context.Context) error
}

// reconcileEvery is how often one process looks for runs nothing moves.
const reconcileEvery = 30 * time.Second

// River is the job queue on River, for either database driver.
type River[TTx any] struct {
	client *river.Client[TTx]
	id     string // this process: River's client id and its heartbeat row
	db     dialect[TTx]
	log    *slog.Logger
	hooks  Hooks
	stop   context.CancelFunc
	done   chan struct{}
}

// dialect is what differs between the two databases.
type dialect[TTx any] struct {
	// enqueue inserts jobs so they run once tx commits.
	enqueue func(ctx context.Context, r *River[TTx], tx *store.Tx, params []river.InsertManyParams) error
	// prepare runs before the first job is fetched: this process's first
	// heartbeat and a rescue (Postgres), or taking over every running job
	// of the previous run (SQLite).
	prepare func(ctx context.Context, r *River[TTx]) error
	// keep runs until ctx ends: heartbeats, rescues and reconciling.
	keep func(ctx context.Context, r *River[TTx])
	// live lists which of the node jobs are still queued, waiting or running.
	live func(ctx context.Context, r *River[TTx], executionIDs []string) (map[job.Job]bool, error)
	// wake makes a snoozed job run now (once it is no longer running).
	wake func(ctx context.Context, r *River[TTx], id int64, j job.Job) error
	// waiting counts the node jobs waiting, by state (see Waiting).
	waiting func(ctx context.Context) (map[string]int, error)
}

// Enqueue inserts node jobs so they run once tx commits.
func (r *River[TTx]) Enqueue(ctx context.Context, tx *store.Tx, jobs []job.Job) error {
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: NodeArgs(j)}
	}
	if err := r.db.enqueue(ctx, r, tx, params); err != nil {
		return fmt.Errorf("enqueue node jobs: %w", err)
	}
	return nil
}

// Live reports, for every node job of the executions, whether a job that
// can still run it exists (queued, snoozed, retrying or running).
func (r *River[TTx]) Live(ctx context.Context, executionIDs []string) (map[job.Job]bool, error) {
	return r.db.live(ctx, r, executionIDs)
}

// Start begins working jobs with the engine's hooks.
func (r *River[TTx]) Start(ctx context.Context, hooks Hooks) error {
	r.hooks = hooks
	if err := r.db.prepare(ctx, r); err != nil {
		return fmt.Errorf("queue: prepare: %w", err)
	}
	kctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	r.stop, r.done = cancel, make(chan struct{})
	go func() { defer close(r.done); r.db.keep(kctx, r) }()
	return r.client.Start(ctx)
}

// reconcile runs the engine's reconciler (or, with repair, its repair),
// logging a failure.
func (r *River[TTx]) reconcile(ctx context.Context, repair bool) {
	fn := r.hooks.Reconcile
	if repair {
		fn = r.hooks.Repair
	}
	if fn == nil {
		return
	}
	if err := fn(ctx); err != nil && ctx.Err() == nil {
		r.log.Warn("queue: reconciling runs failed", "err", err)
	}
}

// Stop lets running jobs finish (until ctx ends, then cancels them).
func (r *River[TTx]) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	if ctx.Err() != nil {
		err = r.client.StopAndCancel(context.Background())
	}
	if r.stop != nil {
		r.stop()
		<-r.done
	}
	return err
}

// newRiver migrates River's schema and creates the client, with a fresh id
// for this process.
func newRiver[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], cfg *river.Config, db dialect[TTx], log *slog.Logger) (*River[TTx], error) {
	r := &River[TTx]{id: processID(), db: db, log: log}
	cfg.ID = r.id
	river.AddWorker(cfg.Workers, &nodeWorker{run: r.run, timeout: cfg.JobTimeout})
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Schema: cfg.Schema, Logger: cfg.Logger})
	if err != nil {
		return nil, fmt.Errorf("river: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("river: migrate: %w", err)
	}
	if r.client, err = river.NewClient(driver, cfg); err != nil {
		return nil, fmt.Errorf("river: %w", err)
	}
	return r, nil
}

// riverConfig is the client configuration shared by both drivers; poll is
// how often a worker looks for jobs it was not told about.
func riverConfig(qc Config, log *slog.Logger, schema string, poll time.Duration) *river.Config {
	return &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: max(qc.Workers, 1)}},
		Workers:              river.NewWorkers(),
		JobTimeout:           qc.NodeTimeout,
		RescueStuckJobsAfter: qc.RescueAfter,
		Schema:               schema,
		Logger:               quiet(log.With("component", "river")),
		MaxAttempts:          25,
		FetchCooldown:        time.Millisecond,
		FetchPollInterval:    poll,
	}
}
