package executor

import "encoding/json"

// Catalog lists the specs of the registered executors, in palette order.
func (r *Registry) Catalog() []Spec {
	out := make([]Spec, 0, len(r.order))
	for _, t := range r.order {
		if d, ok := r.byType[t].(Describer); ok {
			out = append(out, d.Spec())
		}
	}
	return out
}

// Estimator is implemented by executors whose runs cost money.
type Estimator interface {
	Estimate(config json.RawMessage) (float64, error)
}
