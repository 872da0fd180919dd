package engine

import (
	"context"
	"errors"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ErrCancelled is the cause given to a running node's context on cancel.
var ErrCancelled = errors.New("the execution was cancelled")

// State is an execution's status and the node a client should look at.
type State struct {
	ExecutionID   string
	Status        workflow.ExecutionStatus
	CurrentNodeID *string
}

// stateOf summarizes rs.
func stateOf(rs *runState) State {
	return State{ExecutionID: rs.exec.ID, Status: rs.exec.Status, CurrentNodeID: CurrentNode(rs.g, rs.nodes)}
}

// Step runs exactly the node the execution is paused at and pauses again
// before the next node that would start (or completes if none is left).
func (e *Engine) Step(ctx context.Context, userID, executionID string) (State, error) {
	return e.release(ctx, userID, executionID, true)
}

// Resume runs on from the paused node to the next breakpoint.
func (e *Engine) Resume(ctx context.Context, userID, executionID string) (State, error) {
	return e.release(ctx, userID, executionID, false)
}

// release starts the paused node, in step mode or not.
func (e *Engine) release(ctx context.Context, userID, executionID string, step bool) (State, error) {
	verb := map[bool]string{true: "step", false: "resume"}[step]
	if _, err := e.st.GetExecution(ctx, userID, executionID); err != nil {
		return State{}, err
	}
	var released string
	rs, err := e.inTx(ctx, executionID, func(rs *runState) error {
		paused := rs.pausedNode()
		if rs.exec.Status != workflow.ExecPaused || paused == nil {
			return fault.Conflict("cannot %s an execution that is %s; only a PAUSED execution can %s",
				verb, rs.exec.Status, verb)
		}
		released = paused.NodeID
		rs.exec.StepMode = step
		if err := rs.moveExec(ctx, workflow.ExecRunning, ""); err != nil {
			return err
		}
		if err := e.enqueue(ctx, rs, released); err != nil {
			return err
		}
		return e.advance(ctx, rs)
	})
	if err != nil {
		return State{}, err
	}
	st := stateOf(rs)
	if st.Status == workflow.ExecRunning {
		st.CurrentNodeID = &released
	}
	return st, nil
}

// Cancel stops the execution: no node starts any more, running nodes are
// cancelled through their context, every unfinished node is SKIPPED and the
// execution CANCELLED.
func (e *Engine) Cancel(ctx context.Context, userID, executionID string) (State, error) {
	if _, err := e.st.GetExecution(ctx, userID, executionID); err != nil {
		return State{}, err
	}
	rs, err := e.inTx(ctx, executionID, func(rs *runState) error {
		if rs.exec.Status.Final() {
			return fault.Conflict("the execution is already %s", rs.exec.Status)
		}
		return rs.finish(ctx, workflow.ExecCancelled, "cancelled by the user", "cancelled")
	})
	if err != nil {
		return State{}, err
	}
	e.cancelLocal(executionID, ErrCancelled)
	return State{ExecutionID: executionID, Status: rs.exec.Status}, nil
}

// OnEvent cancels this process's running nodes of an execution that ended
// elsewhere (another replica cancelled it, or a sibling node failed), and
// stops its watchers of that run's outside requests.
func (e *Engine) OnEvent(ev events.Event) {
	if ev.Final() {
		e.cancelLocal(ev.ExecutionID, ErrCancelled)
		e.stopWatching(ev.ExecutionID)
	}
}

// track registers a running node's cancel function; the returned func
// unregisters it.
func (e *Engine) track(executionID, nodeID string, cancel context.CancelCauseFunc) func() {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.running[executionID]
	if m == nil {
		m = map[string]context.CancelCauseFunc{}
		e.running[executionID] = m
	}
	m[nodeID] = cancel
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		delete(m, nodeID)
		if len(m) == 0 {
			delete(e.running, executionID)
		}
	}
}

// cancelLocal cancels every node of executionID running in this process.
func (e *Engine) cancelLocal(executionID string, cause error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, cancel := range e.running[executionID] {
		cancel(cause)
	}
}

// hold marks j as worked on in this process, and returns its release; ok is
// false when an earlier attempt of j still works here (a wake or a rescue
// made its job available again meanwhile). Two attempts of one node never
// run at once here: the second would read the checkpoint before the first
// saved what it asked FAL for, and ask again. An attempt that has worked a
// minute longer than a node job may run is taken to hang, and no longer
// holds its node.
func (e *Engine) hold(j Job) (release func(), ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if since, held := e.holding[j]; held && (e.cfg.NodeTimeout <= 0 || time.Since(since) < e.cfg.NodeTimeout+time.Minute) {
		return nil, false
	}
	now := time.Now()
	e.holding[j] = now
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.holding[j] == now {
			delete(e.holding, j)
		}
	}, true
}
