package engine

import (
	"context"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// precheck refuses a run that would fail in a way known before it starts
// (an Ad layout's words that cannot fit an Output's placement), so nothing
// is generated or paid for first. Given the outputs predict foresaw
// (reused, or of pure nodes), it asks each node that can tell
// (executor.Prechecker), with the inputs known by then.
func (e *Engine) precheck(ctx context.Context, p *Plan, known map[string]*workflow.NodeExecution, user string, o *workflow.RunOptions) error {
	need := needed(p.dag, o)
	shared := executor.NewShared() // what the nodes' prechecks share (each layout measured once)
	for _, id := range p.dag.Order {
		pn := p.node(id)
		if pn == nil || pn.cfg == nil || known[id] != nil || need != nil && !need[id] {
			continue
		}
		run := pn.newRun(noExecution, user, gatherInputs(p.dag, known, id, pn.lists))
		run.Shared = shared
		if err := e.safePrecheck(ctx, pn.cfg, run); err != nil {
			return fault.Invalid(fmt.Sprintf("node %q would fail, so the run did not start: %s", pn.node.Name, err.Error()))
		}
	}
	return nil
}

// safePrecheck asks p, a crash counting as "cannot tell" (logged; the run
// itself then meets the problem, and fails the node with it).
func (e *Engine) safePrecheck(ctx context.Context, p executor.Decoded, run *executor.Run) (err error) {
	defer func() {
		if v := recover(); v != nil {
			e.log.Error("engine: a precheck crashed", "node_id", run.NodeID, "panic", v)
			err = nil
		}
	}()
	return p.Precheck(ctx, run)
}
