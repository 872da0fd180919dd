package engine

import (
	"context"
	"encoding/json"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// predict says which nodes a run of g would reuse: walking the graph in
// order, a node whose sources' outputs are all known (reused themselves)
// gets its inputs, its signature and, when the user has a matching earlier
// output, is predicted reused with that output (never one the run asks to
// be fresh). A pure node that will run (a Text input, a Prompt, an Ad
// layout) is run here, so what follows it is known too. Nodes after one
// that will run anew otherwise are unknown, so predicted to run. It
// returns the nodes predicted reused and the outputs foreseen.
func (e *Engine) predict(ctx context.Context, p *Plan, user string, o *workflow.RunOptions) (map[string]bool, map[string]*workflow.NodeExecution) {
	reused := map[string]bool{}
	dg := p.dag
	anew := fresh(dg, o)
	known := map[string]*workflow.NodeExecution{}
	for _, id := range dg.Order {
		pn := p.node(id)
		if pn == nil || pn.cfg == nil || !sourcesKnown(dg, known, id) {
			continue
		}
		inputs := gatherInputs(dg, known, id, pn.lists)
		if sizeAtLeast(inputs) > MaxIOBytes {
			continue // a run refuses these inputs; nothing to foresee
		}
		in, _ := json.Marshal(inputs)
		run := pn.newRun(noExecution, user, inputs)
		res, ok := e.reuse(ctx, &prepared{node: pn, run: run, user: user, signature: signature(user, pn, run, in), mayReuse: !anew[id]})
		if ok {
			reused[id] = true
		} else if res, ok = e.foresee(ctx, pn, run, len(in)); !ok {
			continue
		}
		out, _ := json.Marshal(res.Output)
		known[id] = &workflow.NodeExecution{NodeID: id, Status: workflow.NodeCompleted, OutputData: out}
	}
	return reused, known
}

// foresee runs a pure node (one with no outside call, cost or write) for
// an estimate, as a run would (inputs within the limit, a crash an error);
// any other node, or one that fails, is not foreseen.
func (e *Engine) foresee(ctx context.Context, pn *planNode, run *executor.Run, inputBytes int) (*executor.Result, bool) {
	if p, ok := pn.ex.(executor.Purer); !ok || !p.Pure() || inputBytes > MaxIOBytes {
		return nil, false
	}
	res, err := e.safeRun(ctx, pn.cfg, run)
	return res, err == nil
}

// noExecution stands for the run a prediction is for, which does not
// exist yet (any earlier run may be reused).
const noExecution = "00000000-0000-0000-0000-000000000000"

// sourcesKnown reports whether every source of id has a known output.
func sourcesKnown(g *dag.Graph, known map[string]*workflow.NodeExecution, id string) bool {
	for _, p := range g.Preds[id] {
		if known[p] == nil {
			return false
		}
	}
	return true
}
