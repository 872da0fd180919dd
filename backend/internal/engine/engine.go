// Package engine runs workflows: the brief's execution logic as a durable
// job graph. Each node execution is one job; completing a node saves its
// output and starts every successor that became ready in one transaction,
// so a killed process loses nothing and any replica on the same database can
// pick up the work. Breakpoints, step, resume and cancel are state changes on
// the execution row, serialized by its lock; every state change goes through
// the transition table (transition.go).
package engine

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/budget"
	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Job names one node execution to run.
type Job = job.Job

// Queue enqueues node jobs so they run once the transaction that made them
// ready commits, and tells which jobs can still run. The queue that works
// them calls RunNode, Rescued and Reconcile.
type Queue interface {
	Enqueue(ctx context.Context, tx *store.Tx, jobs []Job) error
	Live(ctx context.Context, executionIDs []string) (map[Job]bool, error)
}

// Config bounds the engine.
type Config struct {
	// MaxParallel is how many nodes of one execution run at once.
	MaxParallel int
	// MaxAttempts is how often a node whose executor fails with a retryable
	// error is tried in all.
	MaxAttempts int
	// ReconcileGrace is how long a waiting or running node may be without a
	// job before the reconciler ends its run (default 30 s; negative: at once).
	ReconcileGrace time.Duration
	// NodeTimeout is the longest a node job may run (ENGINE_NODE_TIMEOUT):
	// an attempt holds its node a minute longer (0: for as long as it runs).
	NodeTimeout time.Duration
	// Run bounds what one run may make (zero values: no limit).
	Run config.RunLimits
	// Observer, when set, is told of every run and node that ends here.
	Observer Observer
}

// Engine starts, advances, pauses, steps, resumes and cancels executions.
type Engine struct {
	st    *store.Store
	reg   *executor.Registry
	pub   events.Publisher
	queue Queue
	log   *slog.Logger
	cfg   Config

	plans plans         // compiled plans of recent runs
	money budget.Ledger // budgets: refusals, reservations, settlement

	mu      sync.Mutex
	running map[string]map[string]context.CancelCauseFunc // execution -> node -> cancel
	holding map[Job]time.Time                             // node jobs being worked on in this process, since when
	bg      sync.WaitGroup                                // cancels of ended runs' outside requests
}

// New builds an engine that enqueues its jobs on q.
func New(st *store.Store, reg *executor.Registry, pub events.Publisher, q Queue, log *slog.Logger, cfg Config) *Engine {
	if cfg.MaxParallel < 1 {
		cfg.MaxParallel = 8
	}
	if cfg.MaxAttempts < 1 {
		cfg.MaxAttempts = 3
	}
	switch {
	case cfg.ReconcileGrace == 0:
		cfg.ReconcileGrace = 30 * time.Second
	case cfg.ReconcileGrace < 0:
		cfg.ReconcileGrace = 0
	}
	e := &Engine{st: st, reg: reg, pub: pub, queue: q, log: log, cfg: cfg, money: budget.New(st),
		running: map[string]map[string]context.CancelCauseFunc{}, holding: map[Job]time.Time{}}
	e.plans.compile = func(g workflow.Graph) *Plan { return e.compile(g, "", nil) }
	return e
}

// Registry returns the executors the engine runs.
func (e *Engine) Registry() *executor.Registry { return e.reg }

// inTx runs fn on a fresh runState of executionID; its events are published
// inside the transaction and reach subscribers when it commits.
func (e *Engine) inTx(ctx context.Context, executionID string, fn func(rs *runState) error) (*runState, error) {
	var out *runState
	err := e.st.InTx(ctx, func(tx *store.Tx) error {
		rs, err := e.load(ctx, tx, executionID)
		if err != nil {
			return err
		}
		out = rs
		if err := fn(rs); err != nil {
			return err
		}
		if err := rs.flush(ctx); err != nil {
			return err
		}
		return e.publish(ctx, rs)
	})
	if err != nil {
		return nil, err
	}
	if out.ended {
		e.ended(executionID, out.g)
	}
	return out, nil
}

// advance applies plan's decision: start ready nodes, pause at a breakpoint,
// or complete the execution.
func (e *Engine) advance(ctx context.Context, rs *runState) error {
	if rs.exec.Status != workflow.ExecRunning {
		return nil
	}
	d := plan(rs.g, rs.exec.StepMode, rs.nodes, e.cfg.MaxParallel)
	if len(d.enqueue) > 0 {
		if err := e.enqueue(ctx, rs, d.enqueue...); err != nil {
			return err
		}
	}
	switch {
	case d.pause != "":
		if err := rs.moveNode(ctx, rs.nodes[d.pause], workflow.StatePaused, nodeChange{}); err != nil {
			return err
		}
		return rs.moveExec(ctx, workflow.ExecPaused, "")
	case d.complete:
		return rs.end(ctx, workflow.ExecCompleted, "")
	}
	return nil
}

// enqueue queues nodes and inserts their jobs in the same transaction.
func (e *Engine) enqueue(ctx context.Context, rs *runState, ids ...string) error {
	jobs := make([]Job, 0, len(ids))
	for _, id := range ids {
		if err := rs.moveNode(ctx, rs.nodes[id], workflow.StateQueued, nodeChange{}); err != nil {
			return err
		}
		jobs = append(jobs, Job{ExecutionID: rs.exec.ID, NodeID: id})
	}
	return e.queue.Enqueue(ctx, rs.tx, jobs)
}
