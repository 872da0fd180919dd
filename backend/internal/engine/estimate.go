package engine

import (
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// NodeCost is one paid node's share of an estimate.
type NodeCost struct {
	NodeID string  `json:"node_id"`
	Cost   float64 `json:"cost"`
}

// Estimate prices a run of g node by node, with the same rules the nodes
// use for their actual cost. A node whose config is not finished yet costs
// nothing (saving the graph reports why).
func (e *Engine) Estimate(g workflow.Graph) (total float64, nodes []NodeCost) {
	wired := wirings(e.reg, g)
	nodes = []NodeCost{}
	for _, n := range g.Nodes {
		ex, ok := e.reg.Get(n.Type)
		if !ok {
			continue
		}
		c, err := ex.Estimate(n.Config, wired[n.ID])
		if err != nil || c == 0 {
			continue
		}
		nodes = append(nodes, NodeCost{NodeID: n.ID, Cost: c})
		total = cost.Round(total + c)
	}
	return total, nodes
}
