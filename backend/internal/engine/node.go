package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// RunNode is the body of one node job: claim the node (RUNNING, inputs
// saved), run its executor, then record the result and start what became
// ready. A job for a node that already finished, or an execution that ended,
// does nothing, so a retried or rescued job never runs a node twice. It
// returns Snooze or Retry when the queue should run the job again, another
// error when recording failed.
func (e *Engine) RunNode(ctx context.Context, j Job, attempt int) error {
	var run *executor.Run
	var ex executor.Executor
	var abandoned json.RawMessage // outside work of a node whose run ended
	var pending json.RawMessage   // a result obtained but not recorded
	_, err := e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if ne == nil {
			return nil
		}
		node := rs.g.Nodes[j.NodeID]
		ex, _ = e.reg.Get(node.Type)
		if rs.exec.Status.Final() || ne.Status.Final() || ne.Status == workflow.NodePaused {
			if ne.Checkpoint != nil && ne.Status != workflow.NodeCompleted {
				abandoned = ne.Checkpoint
			}
			return nil
		}
		if ex == nil {
			return e.failIn(ctx, rs, ne, fmt.Errorf("no executor for node type %s", node.Type))
		}
		if ne.PendingResult != nil && ne.Status == workflow.NodeRunning {
			pending = ne.PendingResult // obtained before, not yet recorded
			return nil
		}
		inputs := gatherInputs(rs.g, rs.nodes, j.NodeID)
		if ne.State() == workflow.StateQueued {
			in, _ := json.Marshal(inputs)
			tooBig := len(in) > MaxIOBytes
			if tooBig {
				in = nil // not stored: the node fails
			}
			if err := rs.moveNode(ctx, ne, workflow.StateRunning, nodeChange{input: in}); err != nil {
				return err
			}
			if tooBig {
				return e.failIn(ctx, rs, ne, fmt.Errorf("the node's inputs are over the %s a node may take in: connect fewer or smaller sources", size(MaxIOBytes)))
			}
		}
		run = &executor.Run{ExecutionID: j.ExecutionID, NodeID: j.NodeID, NodeName: node.Name,
			Inputs: inputs, Config: node.Config, Checkpoint: ne.Checkpoint, SaveCheckpoint: e.checkpointer(ne.ID)}
		return nil
	})
	if fault.Is(err, fault.CodeNotFound) {
		return nil // the workflow was deleted with its executions
	}
	if ex != nil && abandoned != nil {
		ex.CancelOutside(context.WithoutCancel(ctx), abandoned)
	}
	if err == nil && pending != nil {
		var res executor.Result
		if json.Unmarshal(pending, &res) == nil {
			return e.record(ctx, j, &res)
		}
	}
	if err != nil || run == nil {
		return err
	}
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer e.track(j.ExecutionID, j.NodeID, cancel)()
	res, err := safeRun(rctx, ex, run)
	if err != nil {
		if errors.Is(context.Cause(rctx), ErrCancelled) {
			return nil // the cancel or failure that stopped us recorded the state
		}
		if after, ok := executor.IsPending(err); ok {
			return job.Snooze{After: after}
		}
		if executor.IsRetryable(err) && attempt < e.cfg.MaxAttempts && ctx.Err() == nil {
			e.log.Warn("node failed, will retry", "execution_id", j.ExecutionID, "node", run.NodeName, "attempt", attempt, "err", err)
			return job.Retry{Err: err}
		}
		rec, cancel := recordContext(ctx)
		defer cancel()
		return e.fail(rec, j, err)
	}
	return e.record(ctx, j, res)
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
func (e *Engine) complete(ctx context.Context, j Job, res *executor.Result) error {
	out, err := json.Marshal(res.Output)
	if err != nil {
		return e.fail(ctx, j, fmt.Errorf("the node's output is not JSON: %w", err))
	}
	if len(out) > MaxIOBytes {
		return e.fail(ctx, j, fmt.Errorf("the node's output is %s, over the %s a node may produce", size(len(out)), size(MaxIOBytes)))
	}
	_, err = e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if rs.exec.Status.Final() || ne == nil || ne.Status != workflow.NodeRunning {
			return nil
		}
		var cost *float64
		if g := res.Generation; g != nil {
			g.ID, g.ExecutionID, g.NodeID = ne.ID, j.ExecutionID, &j.NodeID
			if err := rs.tx.CreateGeneration(ctx, g); err != nil {
				return err
			}
			cost = g.Cost
		}
		ne.PendingResult = nil
		if err := rs.moveNode(ctx, ne, workflow.StateCompleted, nodeChange{output: out, cost: cost}); err != nil {
			return err
		}
		return e.advance(ctx, rs)
	})
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}

// fail records a node's failure: the node FAILED, the execution FAILED with
// a message naming it, every other unfinished node SKIPPED, and running
// siblings cancelled.
func (e *Engine) fail(ctx context.Context, j Job, cause error) error {
	_, err := e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if rs.exec.Status.Final() || ne == nil || ne.Status.Final() {
			return nil
		}
		return e.failIn(ctx, rs, ne, cause)
	})
	e.cancelLocal(j.ExecutionID, ErrCancelled)
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}

// failIn is fail inside an open transaction.
func (e *Engine) failIn(ctx context.Context, rs *runState, ne *workflow.NodeExecution, cause error) error {
	msg := cause.Error()
	if err := rs.moveNode(ctx, ne, workflow.StateFailed, nodeChange{msg: msg}); err != nil {
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
