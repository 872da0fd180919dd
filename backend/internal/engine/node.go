package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// errRetry tells the queue to try the job again later.
type errRetry struct{ err error }

// Error returns the message of the retryable failure.
func (e errRetry) Error() string { return "retrying: " + e.err.Error() }

// errSnooze tells the queue to run the job again after a while without
// counting an attempt: the node waits on an outside service.
type errSnooze struct{ after time.Duration }

// Error describes the wait.
func (e errSnooze) Error() string { return "waiting " + e.after.String() }

// RunNode is the body of one node job: claim the node (RUNNING, inputs
// saved), run its executor, then record the result and start what became
// ready. A job for a node that already finished, or an execution that ended,
// does nothing, so a retried or rescued job never runs a node twice. It
// returns an error only when the queue should retry.
func (e *Engine) RunNode(ctx context.Context, job Job, attempt int) error {
	var run *executor.Run
	var ex executor.Executor
	var abandoned json.RawMessage // outside work of a node whose run ended
	_, err := e.inTx(ctx, job.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[job.NodeID]
		if ne != nil && ne.Checkpoint != nil && ne.Status != workflow.NodeCompleted && (rs.exec.Status.Final() || ne.Status.Final()) {
			abandoned = ne.Checkpoint
			if x, ok := e.reg.Get(rs.g.Nodes[job.NodeID].Type); ok {
				ex = x
			}
		}
		if rs.exec.Status.Final() || ne == nil || ne.Status.Final() || ne.Status == workflow.NodePaused {
			return nil
		}
		node := rs.g.Nodes[job.NodeID]
		var ok bool
		if ex, ok = e.reg.Get(node.Type); !ok {
			return e.failIn(ctx, rs, ne, fmt.Errorf("no executor for node type %s", node.Type))
		}
		inputs := gatherInputs(rs.g, rs.nodes, job.NodeID)
		if ne.Status == workflow.NodePending {
			t := now()
			in, _ := json.Marshal(inputs)
			ne.Status, ne.StartedAt, ne.InputData = workflow.NodeRunning, &t, in
			if err := rs.saveNode(ctx, ne, nil); err != nil {
				return err
			}
		}
		run = &executor.Run{ExecutionID: job.ExecutionID, NodeID: job.NodeID, NodeName: node.Name,
			Inputs: inputs, Config: node.Config, Checkpoint: ne.Checkpoint, SaveCheckpoint: e.checkpointer(ne.ID)}
		return nil
	})
	if errors.Is(err, workflow.ErrNotFound) {
		return nil // the workflow was deleted with its executions
	}
	if c, ok := ex.(executor.Canceller); ok && abandoned != nil && run == nil {
		c.CancelOutside(context.WithoutCancel(ctx), abandoned)
	}
	if err != nil || run == nil {
		return err
	}
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer e.track(job.ExecutionID, job.NodeID, cancel)()
	res, err := safeRun(rctx, ex, run)
	if err != nil {
		if errors.Is(context.Cause(rctx), ErrCancelled) {
			return nil // the cancel or failure that stopped us recorded the state
		}
		if after, ok := executor.IsPending(err); ok {
			return errSnooze{after}
		}
		if executor.IsRetryable(err) && attempt < e.cfg.MaxAttempts && ctx.Err() == nil {
			e.log.Warn("node failed, will retry", "execution_id", job.ExecutionID, "node", run.NodeName, "attempt", attempt, "err", err)
			return errRetry{err}
		}
		return e.fail(ctx, job, err)
	}
	return e.complete(ctx, job, res)
}

// safeRun runs the executor, turning a panic into an error with its stack
// in the log, so one bad node never takes the process down.
func safeRun(ctx context.Context, ex executor.Executor, run *executor.Run) (res *executor.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("the node crashed: %v\n%s", v, debug.Stack())
		}
	}()
	res, err = ex.Run(ctx, run)
	if err == nil && res == nil {
		res = &executor.Result{Output: map[string]any{}}
	}
	return res, err
}

// complete saves the node's output (and generation), marks it COMPLETED and
// advances the execution, in one transaction.
func (e *Engine) complete(ctx context.Context, job Job, res *executor.Result) error {
	out, err := json.Marshal(res.Output)
	if err != nil {
		return e.fail(ctx, job, fmt.Errorf("the node's output is not JSON: %w", err))
	}
	_, err = e.inTx(ctx, job.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[job.NodeID]
		if rs.exec.Status.Final() || ne == nil || ne.Status != workflow.NodeRunning {
			return nil
		}
		var cost *float64
		if g := res.Generation; g != nil {
			g.ID, g.ExecutionID, g.NodeID = ne.ID, job.ExecutionID, &job.NodeID
			if err := rs.tx.CreateGeneration(ctx, g); err != nil {
				return err
			}
			cost = g.Cost
		}
		t := now()
		ne.Status, ne.OutputData, ne.FinishedAt, ne.ErrorMessage = workflow.NodeCompleted, out, &t, nil
		if err := rs.saveNode(ctx, ne, cost); err != nil {
			return err
		}
		return e.advance(ctx, rs)
	})
	if errors.Is(err, workflow.ErrNotFound) {
		return nil
	}
	return err
}

// fail records a node's failure: the node FAILED, the execution FAILED with
// a message naming it, every other unfinished node SKIPPED, and running
// siblings cancelled.
func (e *Engine) fail(ctx context.Context, job Job, cause error) error {
	_, err := e.inTx(ctx, job.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[job.NodeID]
		if rs.exec.Status.Final() || ne == nil || ne.Status.Final() {
			return nil
		}
		return e.failIn(ctx, rs, ne, cause)
	})
	e.cancelLocal(job.ExecutionID, ErrCancelled)
	if errors.Is(err, workflow.ErrNotFound) {
		return nil
	}
	return err
}

// failIn is fail inside an open transaction.
func (e *Engine) failIn(ctx context.Context, rs *runState, ne *workflow.NodeExecution, cause error) error {
	t, msg := now(), cause.Error()
	ne.Status, ne.ErrorMessage, ne.FinishedAt = workflow.NodeFailed, &msg, &t
	if err := rs.saveNode(ctx, ne, nil); err != nil {
		return err
	}
	name := rs.g.Nodes[ne.NodeID].Name
	return rs.finish(ctx, workflow.ExecFailed, fmt.Sprintf("node %q failed: %s", name, firstLine(msg)),
		fmt.Sprintf("skipped: node %q failed", name))
}

// checkpointer saves executor state on the node execution, outside any
// other transaction, so it is durable before the executor waits.
func (e *Engine) checkpointer(nodeExecutionID string) func(context.Context, json.RawMessage) error {
	return func(ctx context.Context, state json.RawMessage) error {
		return e.st.InTx(ctx, func(tx *store.Tx) error { return tx.SaveCheckpoint(ctx, nodeExecutionID, state) })
	}
}

// nodeEvent is the event describing a node execution's current state.
func nodeEvent(ne workflow.NodeExecution) events.Event {
	return events.Event{ExecutionID: ne.ExecutionID, NodeID: ne.NodeID, Status: string(ne.Status),
		Error: ne.ErrorMessage, Time: now()}
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
