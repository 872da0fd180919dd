package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/job"
)

// claimAfter is how long an executor runs before its node is marked
// RUNNING in a transaction of its own. A quicker node is marked RUNNING and
// COMPLETED (or FAILED) in the one transaction that records its outcome,
// which saves a transaction per node; a slower one shows RUNNING while it
// works.
const claimAfter = 20 * time.Millisecond

// outcome is what an executor returned.
type outcome struct {
	res *executor.Result
	err error
}

// RunNode is the body of one node job: read the run (no lock), run the
// node's executor, then record the result and start what became ready. A
// job for a node that already finished, or an execution that ended, does
// nothing, so a retried or rescued job never runs a node twice. It returns
// Snooze or Retry when the queue should run the job again, another error
// when recording failed.
func (e *Engine) RunNode(ctx context.Context, j Job, attempt int) error {
	release, ok := e.hold(j)
	if !ok {
		return job.Snooze{After: time.Second} // its earlier attempt still works here; then this one reads what it saved
	}
	defer release()
	p, err := e.prepare(ctx, j)
	if err != nil || p == nil {
		if fault.Is(err, fault.CodeNotFound) {
			return nil // the workflow was deleted with its executions
		}
		return err
	}
	if res, ok := e.reuse(ctx, p); ok {
		return e.record(ctx, j, res, p.input)
	}
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer e.track(j.ExecutionID, j.NodeID, cancel)()
	done := make(chan outcome, 1)
	go func() {
		res, err := e.safeRun(rctx, p.node.cfg, p.run)
		done <- outcome{res, err}
	}()
	var out outcome
	claimed := !p.queued
	if claimed {
		out = <-done
	} else {
		select {
		case out = <-done:
		case <-time.After(claimAfter):
			if err := e.claim(ctx, j, p.input); err != nil {
				cancel(ErrCancelled) // the run ended meanwhile, or the database is gone
				<-done
				return err
			}
			claimed = true
			out = <-done
		}
	}
	return e.settle(ctx, j, attempt, p, out, claimed)
}

// settle records what the executor returned.
func (e *Engine) settle(ctx context.Context, j Job, attempt int, p *prepared, out outcome, claimed bool) error {
	if out.err == nil {
		out.res.Signature = p.signature
		return e.record(ctx, j, out.res, p.input)
	}
	if errors.Is(out.err, ErrCancelled) || errors.Is(out.err, executor.ErrRunEnded) {
		if p.node.ex.Outside() != nil { // what it sent as the run ended is cancelled, whoever ended it
			if p, err := e.plans.get(ctx, e.st, j.ExecutionID); err == nil {
				e.stopOutside(context.WithoutCancel(ctx), j.ExecutionID, p.dag)
			}
		}
		return nil // the cancel or failure that stopped us recorded the state
	}
	if after, ok := executor.IsPending(out.err); ok {
		if !claimed { // it waits on an outside service: show it RUNNING
			if err := e.claim(ctx, j, p.input); err != nil {
				return err
			}
		}
		return job.Snooze{After: after}
	}
	if executor.IsRetryable(out.err) && attempt < e.cfg.MaxAttempts && ctx.Err() == nil {
		e.log.Warn("node failed, will retry", "execution_id", j.ExecutionID, "node", p.run.NodeName, "attempt", attempt, "err", out.err)
		return job.Retry{Err: out.err}
	}
	rec, cancel := recordContext(ctx)
	defer cancel()
	return e.fail(rec, j, out.err, p.input)
}

// safeRun runs the executor, turning a panic into an error (its stack goes
// to the log, never to the node's message, which users read), so one bad
// node never takes the process down.
func (e *Engine) safeRun(ctx context.Context, cfg executor.Bound, run *executor.Run) (res *executor.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			e.log.Error("engine: a node crashed", "execution_id", run.ExecutionID, "node_id", run.NodeID, "panic", v, "stack", string(debug.Stack()))
			err = fmt.Errorf("the node crashed (an internal error, logged): %v", v)
		}
	}()
	res, err = cfg.Run(ctx, run)
	if err == nil && res == nil {
		res = &executor.Result{Output: map[string]any{}}
	}
	if err != nil && errors.Is(context.Cause(ctx), ErrCancelled) {
		err = ErrCancelled
	}
	return res, err
}

// MaxIOBytes bounds a node's gathered inputs and its output, JSON-encoded:
// they are stored with the run and sent to the editor.
const MaxIOBytes = 1 << 20

// size writes a byte count for messages ("1.5 MB", "800 KB").
func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// firstLine cuts a message at its first line break (panic stacks stay in
// the node's error, not the execution's).
func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
