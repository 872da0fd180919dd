package engine

import (
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// NodeCost is one node's share of an estimate, with what it will generate.
type NodeCost struct {
	NodeID string `json:"node_id"`
	executor.Quote
}

// Estimate prices a run of g node by node, with the same rules the nodes
// use for their actual cost, and says what each generating node will make
// (even when the local preview makes it for nothing). A node whose config
// is not finished yet is left out (saving the graph reports why).
func (e *Engine) Estimate(g workflow.Graph) (total float64, nodes []NodeCost) {
	wired := wirings(e.reg, g)
	nodes = []NodeCost{}
	for _, n := range g.Nodes {
		ex, ok := e.reg.Get(n.Type)
		if !ok {
			continue
		}
		q, err := ex.Estimate(n.Config, wired[n.ID])
		if err != nil || q.Cost == 0 && q.Images == 0 {
			continue
		}
		nodes = append(nodes, NodeCost{NodeID: n.ID, Quote: q})
		total = cost.Round(total + q.Cost)
	}
	return total, nodes
}
