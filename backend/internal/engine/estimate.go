package engine

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// NodeCost is one node's share of an estimate, with what it will generate,
// and whether it will reuse an earlier output (then it costs nothing).
type NodeCost struct {
	NodeID string `json:"node_id"`
	Reused bool   `json:"reused,omitempty" doc:"An earlier output of yours with the same inputs will be reused: nothing is paid."`
	executor.Quote
}

// Estimate prices a run of g by user node by node, with the same rules the
// nodes use for their actual cost, and says what each generating node will
// make (even when the local preview makes it for nothing) and which will
// reuse an earlier output. A node whose config is not finished yet is left
// out (saving the graph reports why).
func (e *Engine) Estimate(ctx context.Context, g workflow.Graph, user string, o *workflow.RunOptions) (total float64, nodes []NodeCost) {
	reused := map[string]bool{}
	var need map[string]bool
	if dg, err := dag.Build(g, portTable{e.reg}); err == nil {
		reused, _ = e.predict(ctx, dg, user, o)
		need = needed(dg, o)
	}
	return e.price(g, reused, need)
}

// price is Estimate once it is known which nodes reuse (reused) and which
// the run needs (need; nil: every node).
func (e *Engine) price(g workflow.Graph, reused, need map[string]bool) (total float64, nodes []NodeCost) {
	wired := wirings(e.reg, g)
	nodes = []NodeCost{}
	for _, n := range g.Nodes {
		ex, ok := e.reg.Get(n.Type)
		if !ok || need != nil && !need[n.ID] {
			continue
		}
		q, err := ex.Estimate(n.Config, wired[n.ID])
		if err != nil || q.Cost == 0 && q.Images == 0 && !reused[n.ID] {
			continue
		}
		if reused[n.ID] {
			q.Cost, q.Units = 0, 0
		}
		nodes = append(nodes, NodeCost{NodeID: n.ID, Reused: reused[n.ID], Quote: q})
		total = cost.Round(total + q.Cost)
	}
	return total, nodes
}
