package engine

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
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

// Estimate prices a run of the plan's graph by user node by node, with
// the same rules the nodes use for their actual cost, and says what each
// generating node will make (even when the local preview makes it for
// nothing) and which will reuse an earlier output. A node whose config is
// not finished yet is left out (saving the graph reports why).
func (e *Engine) Estimate(ctx context.Context, p *Plan, user string, o *workflow.RunOptions) (total float64, nodes []NodeCost) {
	reused := map[string]bool{}
	var need map[string]bool
	if p.dag != nil {
		reused, _ = e.predict(ctx, p, user, o)
		need = needed(p.dag, o)
	}
	return price(p, reused, need)
}

// price is Estimate once it is known which nodes reuse (reused) and which
// the run needs (need; nil: every node): the quotes the plan holds.
func price(p *Plan, reused, need map[string]bool) (total float64, nodes []NodeCost) {
	nodes = []NodeCost{}
	for _, pn := range p.order {
		id := pn.node.ID
		if pn.cfg == nil || need != nil && !need[id] {
			continue
		}
		q := pn.quote
		if pn.quoteErr != nil || q.Cost == 0 && q.Images == 0 && !reused[id] {
			continue
		}
		if reused[id] {
			q.Cost, q.Units = 0, 0
		}
		nodes = append(nodes, NodeCost{NodeID: id, Reused: reused[id], Quote: q})
		total = cost.Round(total + q.Cost)
	}
	return total, nodes
}
