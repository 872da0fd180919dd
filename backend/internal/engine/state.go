package engine

import (
	"context"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/budget"
	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// runState is one execution as read (and locked) inside a transaction, with
// the events its changes produce, published with the transaction.
type runState struct {
	tx    *store.Tx
	exec  workflow.Execution
	g     *dag.Graph
	nodes map[string]*workflow.NodeExecution
	evs   []events.Event
	dirty map[string]bool // node executions moved but not yet written
	ended bool            // the execution reached a final status here
}

// load locks the execution and reads its node executions (one round
// trip), with its graph from the engine's cache.
func (e *Engine) load(ctx context.Context, tx *store.Tx, executionID string) (*runState, error) {
	exec, list, err := tx.LoadRun(ctx, executionID, true)
	if err != nil {
		return nil, err
	}
	p, err := e.plans.get(ctx, tx, executionID)
	if err != nil {
		return nil, err
	}
	return newRunState(tx, exec, p.dag, list), nil
}

// newRunState holds an execution, its graph and its node executions.
func newRunState(tx *store.Tx, exec workflow.Execution, g *dag.Graph, list []workflow.NodeExecution) *runState {
	rs := &runState{tx: tx, exec: exec, g: g, nodes: make(map[string]*workflow.NodeExecution, len(list)),
		dirty: map[string]bool{}}
	for i := range list {
		rs.nodes[list[i].NodeID] = &list[i]
	}
	return rs
}

// now is the engine's clock, truncated to what both databases keep.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// finish ends the execution in status with an optional message: every node
// that has not finished is SKIPPED (with skipMsg).
func (rs *runState) finish(ctx context.Context, status workflow.ExecutionStatus, msg, skipMsg string) error {
	for _, id := range rs.g.Order {
		ne := rs.nodes[id]
		if ne == nil || ne.Status.Final() {
			continue
		}
		if err := rs.moveNode(ctx, ne, workflow.StateSkipped, nodeChange{msg: skipMsg}); err != nil {
			return err
		}
	}
	return rs.end(ctx, status, msg)
}

// end ends the execution in a final status: what its nodes set aside is
// settled (the budget package), then it moves (the transition table).
func (rs *runState) end(ctx context.Context, status workflow.ExecutionStatus, msg string) error {
	if err := budget.SettleRun(ctx, rs.tx, rs.exec.ID); err != nil {
		return err
	}
	return rs.moveExec(ctx, status, msg)
}

// pausedNode returns the node the execution is paused at, or nil.
func (rs *runState) pausedNode() *workflow.NodeExecution {
	for _, id := range rs.g.Order {
		if ne := rs.nodes[id]; ne != nil && ne.Status == workflow.NodePaused {
			return ne
		}
	}
	return nil
}

// CurrentNode is the node a client should look at: the paused one, else the
// first running one, else none.
func CurrentNode(g *dag.Graph, nodes map[string]*workflow.NodeExecution) *string {
	for _, want := range []workflow.NodeStatus{workflow.NodePaused, workflow.NodeRunning} {
		for _, id := range g.Order {
			if ne := nodes[id]; ne != nil && ne.Status == want {
				return &id
			}
		}
	}
	return nil
}

// CurrentNodeOf is CurrentNode for an execution read outside the engine.
func CurrentNodeOf(x workflow.Execution, list []workflow.NodeExecution) *string {
	if x.Graph == nil {
		return nil
	}
	g, err := dag.Build(*x.Graph, nil)
	if err != nil {
		return nil
	}
	nodes := make(map[string]*workflow.NodeExecution, len(list))
	for i := range list {
		nodes[list[i].NodeID] = &list[i]
	}
	return CurrentNode(g, nodes)
}
