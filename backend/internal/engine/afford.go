package engine

import (
	"context"
)

// affordable refuses a run whose estimate (priced with the nodes
// predicted reused, and those the run needs) its owner's or the server's
// monthly budget cannot cover (the budget package says).
func (e *Engine) affordable(ctx context.Context, p *Plan, user string, reused, need map[string]bool) error {
	total, _ := price(p, reused, need)
	return e.money.Afford(ctx, user, total)
}
