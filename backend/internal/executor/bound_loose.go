package executor

import (
	"context"
	"encoding/json"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// loose answers Decoded's questions for an executor without a typed
// config (a test's fake): each by the executor's own method, with the raw
// config.
type loose struct {
	ex     Executor
	config json.RawMessage
}

// AskedShapes asks the executor, when it asks for shapes.
func (l loose) AskedShapes() []string {
	if a, ok := l.ex.(ShapeAsker); ok {
		return a.AskedShapes(l.config)
	}
	return nil
}

// MostFinals asks the executor, when it delivers finals.
func (l loose) MostFinals() int {
	if f, ok := l.ex.(Finaler); ok {
		return f.MostFinals(l.config)
	}
	return 0
}

// ReuseFor asks the executor; any age when it does not say.
func (l loose) ReuseFor() (bool, time.Duration) {
	if r, ok := l.ex.(Reuser); ok {
		return r.ReuseFor(l.config)
	}
	return true, 0
}

// Precheck asks the executor, when it can tell.
func (l loose) Precheck(ctx context.Context, r *Run) error {
	if p, ok := l.ex.(Prechecker); ok {
		return p.Precheck(ctx, r)
	}
	return nil
}

// Bind checks the config with the executor's Check.
func (l loose) Bind(w Wiring) Bound {
	norm, errs := l.ex.Check(l.config, w)
	return looseBound{loose: l, w: w, norm: norm, errs: errs}
}

// looseBound is a loose config checked against its wiring.
type looseBound struct {
	loose
	w    Wiring
	norm json.RawMessage
	errs []fault.Field
}

// Errors are what Check found.
func (b looseBound) Errors() []fault.Field { return b.errs }

// Normalised is what Check returned.
func (b looseBound) Normalised() json.RawMessage { return b.norm }

// Estimate asks the executor.
func (b looseBound) Estimate() (Quote, error) { return b.ex.Estimate(b.config, b.w) }

// Warnings asks the executor, when it warns.
func (b looseBound) Warnings() []fault.Field {
	if wn, ok := b.ex.(Warner); ok {
		return wn.Warnings(b.config, b.w)
	}
	return nil
}

// Plan asks the executor, when it plans requests.
func (b looseBound) Plan(r *Run) ([]PlannedRequest, bool) {
	if p, ok := b.ex.(Planner); ok {
		return p.Plan(r)
	}
	return nil, false
}

// Run runs the executor.
func (b looseBound) Run(ctx context.Context, r *Run) (*Result, error) { return b.ex.Run(ctx, r) }
