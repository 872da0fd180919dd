// Package engine runs workflows: the brief's execution logic as a durable
// job graph on River. Each node execution is one job; completing a node
// saves its output and starts every successor that became ready in one
// transaction, so a killed process loses nothing and any replica on the
// same database can pick up the work. Breakpoints, step, resume and cancel
// are state changes on the execution row, serialized by its lock.
package engine

import (
	"context"
	"log/slog"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Job names one node execution to run.
type Job struct {
	ExecutionID string `json:"execution_id"`
	NodeID      string `json:"node_id"`
}

// Queue enqueues node jobs inside the transaction that made them ready.
type Queue interface {
	Enqueue(ctx context.Context, tx *store.Tx, jobs []Job) error
}

// Config bounds the engine.
type Config struct {
	// MaxParallel is how many nodes of one execution run at once.
	MaxParallel int
	// MaxAttempts is how often a node whose executor fails with a retryable
	// error is tried in all.
	MaxAttempts int
}

// Engine starts, advances, pauses, steps, resumes and cancels executions.
type Engine struct {
	st    *store.Store
	reg   *executor.Registry
	pub   events.Publisher
	log   *slog.Logger
	cfg   Config
	queue Queue

	mu      sync.Mutex
	running map[string]map[string]context.CancelCauseFunc // execution -> node -> cancel
}

// New builds an engine; call SetQueue before starting executions.
func New(st *store.Store, reg *executor.Registry, pub events.Publisher, log *slog.Logger, cfg Config) *Engine {
	if cfg.MaxParallel < 1 {
		cfg.MaxParallel = 8
	}
	if cfg.MaxAttempts < 1 {
		cfg.MaxAttempts = 3
	}
	return &Engine{st: st, reg: reg, pub: pub, log: log, cfg: cfg,
		running: map[string]map[string]context.CancelCauseFunc{}}
}

// SetQueue sets the job queue (it is built after the engine, whose workers
// it runs).
func (e *Engine) SetQueue(q Queue) { e.queue = q }

// Registry returns the executors the engine runs.
func (e *Engine) Registry() *executor.Registry { return e.reg }

// inTx runs fn on a fresh runState of executionID and publishes its events
// after commit.
func (e *Engine) inTx(ctx context.Context, executionID string, fn func(rs *runState) error) (*runState, error) {
	var out *runState
	err := e.st.InTx(ctx, func(tx *store.Tx) error {
		rs, err := load(ctx, tx, executionID)
		if err != nil {
			return err
		}
		out = rs
		if err := fn(rs); err != nil {
			return err
		}
		return e.publishIn(ctx, tx, rs)
	})
	if err != nil {
		return nil, err
	}
	e.publishAfter(ctx, out)
	return out, nil
}

// publishIn hands a transaction's events to the publisher inside it.
func (e *Engine) publishIn(ctx context.Context, tx *store.Tx, rs *runState) error {
	return e.pub.PublishTx(ctx, tx.Native, rs.evs...)
}

// publishAfter hands a committed transaction's events to the publisher.
func (e *Engine) publishAfter(ctx context.Context, rs *runState) {
	e.pub.Publish(ctx, rs.evs...)
}

// advance applies plan's decision: start ready nodes, pause at a breakpoint,
// or complete the execution.
func (e *Engine) advance(ctx context.Context, rs *runState) error {
	if rs.exec.Status != "RUNNING" {
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
		ne := rs.nodes[d.pause]
		ne.Status = "PAUSED"
		if err := rs.saveNode(ctx, ne, nil); err != nil {
			return err
		}
		rs.exec.Status = "PAUSED"
		return rs.saveExec(ctx)
	case d.complete:
		return rs.finish(ctx, "COMPLETED", "", "")
	}
	return nil
}

// enqueue marks nodes queued and inserts their jobs in the same transaction.
func (e *Engine) enqueue(ctx context.Context, rs *runState, ids ...string) error {
	t := now()
	jobs := make([]Job, 0, len(ids))
	for _, id := range ids {
		ne := rs.nodes[id]
		ne.Status, ne.QueuedAt = "PENDING", &t
		if err := rs.tx.UpdateNodeExecution(ctx, *ne); err != nil {
			return err
		}
		jobs = append(jobs, Job{ExecutionID: rs.exec.ID, NodeID: id})
	}
	return e.queue.Enqueue(ctx, rs.tx, jobs)
}
