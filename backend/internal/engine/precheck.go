package engine

import (
	"context"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// precheck refuses a run that would fail in a way known before it starts
// (an Ad layout's words that cannot fit an Output's placement), so nothing
// is generated or paid for first. Given the outputs predict foresaw
// (reused, or of pure nodes), it asks each node that can tell
// (executor.Prechecker), with the inputs known by then.
func (e *Engine) precheck(ctx context.Context, dg *dag.Graph, known map[string]*workflow.NodeExecution, user string, o *workflow.RunOptions) error {
	need := needed(dg, o)
	ctx = executor.WithPrechecks(ctx)
	for _, id := range dg.Order {
		node := dg.Nodes[id]
		ex, ok := e.reg.Get(node.Type)
		if !ok || known[id] != nil || need != nil && !need[id] {
			continue
		}
		p, ok := ex.(executor.Prechecker)
		if !ok {
			continue
		}
		spec, _ := e.reg.Spec(node.Type)
		run := &executor.Run{ExecutionID: noExecution, Owner: user, NodeID: id, NodeName: node.Name,
			Inputs: gatherInputs(dg, known, id, spec.Lists()), Config: node.Config}
		if err := e.safePrecheck(ctx, p, run); err != nil {
			return fault.Invalid(fmt.Sprintf("node %q would fail, so the run did not start: %s", node.Name, err.Error()))
		}
	}
	return nil
}

// safePrecheck asks p, a crash counting as "cannot tell" (logged; the run
// itself then meets the problem, and fails the node with it).
func (e *Engine) safePrecheck(ctx context.Context, p executor.Prechecker, run *executor.Run) (err error) {
	defer func() {
		if v := recover(); v != nil {
			e.log.Error("engine: a precheck crashed", "node_id", run.NodeID, "panic", v)
			err = nil
		}
	}()
	return p.Precheck(ctx, run)
}
