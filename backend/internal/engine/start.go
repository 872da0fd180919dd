package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Validate checks a graph as it is saved and again when it is run: its
// shape (cycles, dangling edges, handles), each edge's kinds (an output
// feeds only an input that takes it), every node's type, name and config,
// and what a run of it may make (the server's run limits). It changes
// nothing; problems are located by node and edge index. owner is the
// user whose graph it is: a node may refer only to what they own.
func (e *Engine) Validate(g workflow.Graph, owner string) (*Plan, error) {
	p := e.Compile(g, owner)
	if p.shapeErr != nil {
		return nil, p.shapeErr
	}
	if probs := append(append(checkKinds(p), checkNodes(p)...), e.fanout(p)...); len(probs) > 0 {
		return nil, invalidGraph(probs)
	}
	return p, nil
}

// invalidGraph is the error of a graph with problems.
func invalidGraph(probs []problem) error {
	msgs := make([]string, len(probs))
	fields := make([]fault.Field, len(probs))
	for i, p := range probs {
		msgs[i], fields[i] = p.summary, p.field
	}
	return fault.Invalid("invalid workflow graph: "+strings.Join(msgs, "; "), fields...)
}

// Start runs the user's workflow as it is now: it creates the execution
// (RUNNING) and a node execution per node, and starts the first nodes, in
// one transaction. The execution is PAUSED at once when the first node to
// run has a breakpoint. A workflow that would fail validation, or whose
// required inputs are not connected, is refused before anything is written.
func (e *Engine) Start(ctx context.Context, userID, workflowID string) (workflow.Execution, error) {
	return e.StartWith(ctx, userID, workflowID, nil)
}

// StartWith is Start with run options: nodes to run anew instead of
// reusing earlier outputs, or a node to run with only what it needs. A run
// whose estimate the user's monthly budget cannot cover is refused (402),
// and one a node can tell it would fail (a text that cannot fit) is
// refused (422), before anything is written.
func (e *Engine) StartWith(ctx context.Context, userID, workflowID string, o *workflow.RunOptions) (workflow.Execution, error) {
	w, err := e.st.GetWorkflow(ctx, userID, workflowID)
	if err != nil {
		return workflow.Execution{}, err
	}
	g := workflow.Graph{Nodes: w.Nodes, Edges: w.Edges}
	p, err := e.Validate(g, w.UserID)
	if err != nil {
		return workflow.Execution{}, err
	}
	dg := p.dag
	if probs := checkInputs(p); len(probs) > 0 {
		return workflow.Execution{}, invalidGraph(probs)
	}
	if err := checkOptions(dg, o); err != nil {
		return workflow.Execution{}, err
	}
	need := needed(dg, o)
	if probs := unrunnable(p, need); len(probs) > 0 {
		return workflow.Execution{}, invalidGraph(probs)
	}
	reused, known := e.predict(ctx, p, w.UserID, o) // once, for the budget and the precheck
	if err := e.affordable(ctx, p, w.UserID, reused, need); err != nil {
		return workflow.Execution{}, err
	}
	if err := e.precheck(ctx, p, known, w.UserID, o); err != nil {
		return workflow.Execution{}, err
	}
	exec := workflow.Execution{ID: workflow.NewID(), WorkflowID: w.ID, Status: workflow.ExecRunning, Graph: &g, Options: o}
	var started *runState
	err = e.st.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateExecution(ctx, &exec); err != nil {
			return err
		}
		ids := make([]string, len(w.Nodes))
		for i, n := range w.Nodes {
			ids[i] = n.ID
		}
		list, err := tx.CreatePendingNodeExecutions(ctx, exec.ID, ids)
		if err != nil {
			return err
		}
		// The rows were just written by this transaction: no one else can
		// see, let alone lock, them; the state is known without reading it.
		rs := newRunState(tx, exec, dg, list)
		started = rs
		rs.evs = append(rs.evs, events.ForExecution(rs.exec))
		if err := skipUnneeded(ctx, rs, need); err != nil {
			return err
		}
		if err := e.advance(ctx, rs); err != nil {
			return err
		}
		if err := rs.flush(ctx); err != nil {
			return err
		}
		return e.publish(ctx, rs)
	})
	if err != nil {
		return workflow.Execution{}, fmt.Errorf("start workflow %s: %w", workflowID, err)
	}
	e.plans.put(exec.ID, p)
	return started.exec, nil
}
