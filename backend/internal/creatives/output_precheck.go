package creatives

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// precheckBudget is how many (layout, final size) fits one run's precheck
// measures in all; past it the run itself finds what does not fit.
const precheckBudget = 40

// prechecks is what the Outputs of one run's precheck share: each
// layout's loaded brand and each (layout, target) answer, so many Outputs
// of one layout cost one measure per placement, and a budget of measures.
type prechecks struct {
	mu        sync.Mutex
	composers map[string]*composer
	answers   map[string]error
	left      int
}

// newPrechecks is a fresh precheck state, with the whole budget.
func newPrechecks() any {
	return &prechecks{composers: map[string]*composer{}, answers: map[string]error{}, left: precheckBudget}
}

// prechecksOf is the precheck state the nodes of r's precheck share (a
// fresh one outside a precheck).
func prechecksOf(r *executor.Run) *prechecks {
	return r.Shared.Value("creatives.prechecks", newPrechecks).(*prechecks)
}

// Precheck measures, without drawing, whether the layout's words fit every
// target, when they are known before the run (its Ad layout's sources
// are): a text that fits no final refuses the run before anything is
// generated or paid for. Other problems are left to the run, which says
// more; so is anything past the run's budget of measures.
func (o output) Precheck(ctx context.Context, r *executor.Run, c OutputConfig) error {
	raw := r.Inputs["layout"]
	if raw == nil {
		return nil
	}
	key, err := json.Marshal(raw)
	if err != nil {
		return nil
	}
	pc := prechecksOf(r)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	comp, seen := pc.composers[string(key)]
	if !seen {
		comp, _ = o.composerFor(ctx, raw) // nil when it cannot load: the run says why
		pc.composers[string(key)] = comp
	}
	if comp == nil {
		return nil
	}
	for _, t := range targetsOf(c) {
		k := string(key) + "\x00" + t.placement + "\x00" + t.ratio
		answer, known := pc.answers[k]
		if !known {
			if pc.left <= 0 || ctx.Err() != nil {
				return nil
			}
			pc.left--
			answer = comp.where(fitsOf(ctx, comp, t))
			pc.answers[k] = answer
		}
		if answer != nil {
			return answer
		}
	}
	return nil
}

// fitsOf measures whether comp's words fit a final for t.
func fitsOf(ctx context.Context, comp *composer, t target) error {
	return compose.Fits(ctx, t.width, t.height, comp.spec(t))
}
