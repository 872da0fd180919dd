package engine

import (
	"context"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Validate checks a graph as a run would: its shape (cycles, dangling
// edges, handles) and every node's type and config. It changes nothing.
func (e *Engine) Validate(g workflow.Graph) (*dag.Graph, error) {
	dg, err := dag.Build(g, portTable{e.reg})
	if err != nil {
		return nil, err
	}
	var probs []dag.Problem
	for _, n := range g.Nodes {
		probs = append(probs, checkNode(e.reg, n)...)
	}
	if len(probs) > 0 {
		return nil, &dag.Error{Problems: probs}
	}
	return dg, nil
}

// Start runs the user's workflow as it is now: it creates the execution
// (RUNNING) and a PENDING node execution per node, and starts the first
// nodes, in one transaction. The execution is PAUSED at once when the first
// node to run has a breakpoint. A workflow that would fail validation is
// refused before anything is written.
func (e *Engine) Start(ctx context.Context, userID, workflowID string) (workflow.Execution, error) {
	w, err := e.st.GetWorkflow(ctx, userID, workflowID)
	if err != nil {
		return workflow.Execution{}, err
	}
	g := workflow.Graph{Nodes: w.Nodes, Edges: w.Edges}
	if _, err := e.Validate(g); err != nil {
		return workflow.Execution{}, err
	}
	exec := workflow.Execution{ID: workflow.NewID(), WorkflowID: w.ID, Status: workflow.ExecRunning, Graph: &g}
	var started *runState
	err = e.st.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateExecution(ctx, &exec); err != nil {
			return err
		}
		ids := make([]string, len(w.Nodes))
		for i, n := range w.Nodes {
			ids[i] = n.ID
		}
		if err := tx.CreatePendingNodeExecutions(ctx, exec.ID, ids); err != nil {
			return err
		}
		rs, err := load(ctx, tx, exec.ID)
		if err != nil {
			return err
		}
		started = rs
		rs.saveExecEvent()
		if err := e.advance(ctx, rs); err != nil {
			return err
		}
		return e.publishIn(ctx, tx, rs)
	})
	if err != nil {
		return workflow.Execution{}, fmt.Errorf("start workflow %s: %w", workflowID, err)
	}
	e.publishAfter(ctx, started)
	return started.exec, nil
}

// saveExecEvent records the execution's current state as an event without
// writing it (it was just inserted).
func (rs *runState) saveExecEvent() {
	rs.evs = append(rs.evs, execEvent(rs.exec))
}
