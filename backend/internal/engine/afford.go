package engine

import (
	"context"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// affordable refuses a run whose estimate (priced with the nodes predicted
// reused, and those the run needs) is more than the user's monthly budget
// has left (running nodes' reservations counted); without a budget every
// run is.
func (e *Engine) affordable(ctx context.Context, p *Plan, user string, reused, need map[string]bool) error {
	s, err := e.st.SpendOf(ctx, user, false)
	if err != nil {
		return err
	}
	server, err := e.st.ServerLeft(ctx, false)
	if err != nil {
		return err
	}
	left := s.Left()
	if left == nil && server == nil {
		return nil
	}
	total, _ := price(p, reused, need)
	if server != nil && total > *server+1e-9 {
		return &fault.Error{Code: fault.CodePaymentRequired, Message: store.ServerRefusal(total, *server)}
	}
	if left == nil || total <= *left+1e-9 {
		return nil
	}
	return &fault.Error{Code: fault.CodePaymentRequired, Message: fmt.Sprintf("this run is estimated at $%.4f but your monthly budget of $%.2f has $%.4f left: raise the budget, reuse more (fewer fresh nodes), or wait for next month",
		total, *s.Budget, max(*left, 0))}
}

// skipUnneeded skips, at a run's start, the nodes a run "until" a node
// does not need (nil: it needs every node).
func skipUnneeded(ctx context.Context, rs *runState, need map[string]bool) error {
	if need == nil {
		return nil
	}
	var until string
	for _, id := range rs.g.Order {
		if need[id] && !hasSucc(rs, id, need) {
			until = rs.g.Nodes[id].Name
		}
	}
	for _, id := range rs.g.Order {
		if ne := rs.nodes[id]; ne != nil && !need[id] {
			if err := rs.moveNode(ctx, ne, workflow.StateSkipped, nodeChange{msg: fmt.Sprintf("not needed to run %q", until)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// hasSucc reports whether id feeds a node in set.
func hasSucc(rs *runState, id string, set map[string]bool) bool {
	for _, s := range rs.g.Succs[id] {
		if set[s] {
			return true
		}
	}
	return false
}
