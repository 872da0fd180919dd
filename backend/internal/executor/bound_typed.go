package executor

import (
	"context"
	"encoding/json"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// decoded is a typed node's config read by its schema once.
type decoded[C any] struct {
	t    typed[C]
	c    C
	errs []fault.Field // the schema's complaints (the config is not valid)
}

// Decode reads config by the node's schema.
func (t typed[C]) Decode(config json.RawMessage) Decoded {
	c, _, errs := t.schema.Decode(config)
	return &decoded[C]{t: t, c: c, errs: errs}
}

// AskedShapes are the shapes the node asks for.
func (d *decoded[C]) AskedShapes() []string {
	if a, ok := d.t.node.(shapeAsker[C]); ok && len(d.errs) == 0 {
		return a.AskedShapes(d.c)
	}
	return nil
}

// MostFinals is the most final ads the node may deliver.
func (d *decoded[C]) MostFinals() int {
	if f, ok := d.t.node.(finaler[C]); ok && len(d.errs) == 0 {
		return f.MostFinals(d.c)
	}
	return 0
}

// ReuseFor says whether the node may reuse an earlier output: a node type
// reuses (any age) unless it says otherwise; an invalid config never.
func (d *decoded[C]) ReuseFor() (bool, time.Duration) {
	r, ok := d.t.node.(reuser[C])
	switch {
	case !ok:
		return true, 0
	case len(d.errs) > 0:
		return false, 0
	}
	return r.Reuse(d.c)
}

// Precheck asks the node, when it can tell and its config is valid (a
// run's own checks say more about an invalid one).
func (d *decoded[C]) Precheck(ctx context.Context, r *Run) error {
	if p, ok := d.t.node.(prechecker[C]); ok && len(d.errs) == 0 {
		return p.Precheck(ctx, r, d.c)
	}
	return nil
}

// Bind runs the node's own checks against w; the normalised form is the
// checked config encoded again.
func (d *decoded[C]) Bind(w Wiring) Bound {
	b := &bound[C]{decoded: d, w: w, c: d.c, errs: d.errs}
	if len(b.errs) > 0 {
		return b
	}
	if ch, ok := d.t.node.(checker[C]); ok {
		if b.errs = ch.Check(&b.c, w); len(b.errs) > 0 {
			return b
		}
	}
	norm, err := json.Marshal(b.c)
	if err != nil {
		b.errs = []fault.Field{{Message: "the config cannot be encoded"}}
		return b
	}
	b.norm = norm
	return b
}

// bound is a typed config checked against its wiring.
type bound[C any] struct {
	*decoded[C]
	w    Wiring
	c    C
	norm json.RawMessage
	errs []fault.Field
}

// Errors are the config's problems.
func (b *bound[C]) Errors() []fault.Field { return b.errs }

// Normalised is the checked config, encoded.
func (b *bound[C]) Normalised() json.RawMessage { return b.norm }

// Estimate prices one run (nothing for a node type that costs nothing).
func (b *bound[C]) Estimate() (Quote, error) {
	e, ok := b.t.node.(estimator[C])
	switch {
	case !ok:
		return Quote{}, nil
	case len(b.errs) > 0:
		return Quote{}, configError(b.errs)
	}
	return e.Estimate(b.c, b.w)
}

// Warnings are a valid config's likely problems.
func (b *bound[C]) Warnings() []fault.Field {
	if wn, ok := b.t.node.(warner[C]); ok && len(b.errs) == 0 {
		c := b.c
		return wn.Warn(&c, b.w)
	}
	return nil
}

// Plan lists the outside requests a run with r would send.
func (b *bound[C]) Plan(r *Run) ([]PlannedRequest, bool) {
	p, ok := b.t.node.(planner[C])
	if !ok || len(b.errs) > 0 {
		return nil, false
	}
	reqs, err := p.Plan(r, b.c)
	return reqs, err == nil
}

// Run runs the node with the checked config.
func (b *bound[C]) Run(ctx context.Context, r *Run) (*Result, error) {
	if len(b.errs) > 0 {
		return nil, configError(b.errs)
	}
	return b.t.node.Run(ctx, r, b.c)
}
