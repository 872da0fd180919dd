package executor

import (
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Registry is the one list of node types: it maps each to its executor. It
// is filled explicitly when the server is wired; nothing registers itself.
// The database's node_type enum, the API's enum and the editor's palette are
// derived from it or tested against it.
type Registry struct {
	byType map[workflow.NodeType]Executor
	specs  map[workflow.NodeType]Spec
	order  []workflow.NodeType
}

// NewRegistry registers execs in the given order (the palette's order).
func NewRegistry(execs ...Executor) (*Registry, error) {
	r := &Registry{byType: map[workflow.NodeType]Executor{}, specs: map[workflow.NodeType]Spec{}}
	for _, e := range execs {
		spec := e.Spec()
		t := spec.Type
		if _, dup := r.byType[t]; dup {
			return nil, fmt.Errorf("executor: %s registered twice", t)
		}
		r.byType[t], r.specs[t] = e, spec
		r.order = append(r.order, t)
	}
	return r, nil
}

// Get returns the executor of t.
func (r *Registry) Get(t workflow.NodeType) (Executor, bool) {
	e, ok := r.byType[t]
	return e, ok
}

// Spec returns the catalog entry of t.
func (r *Registry) Spec(t workflow.NodeType) (Spec, bool) {
	s, ok := r.specs[t]
	return s, ok
}

// Types lists the registered node types in registration order.
func (r *Registry) Types() []workflow.NodeType {
	return append([]workflow.NodeType(nil), r.order...)
}

// Catalog lists the specs of the registered executors, in palette order.
func (r *Registry) Catalog() []Spec {
	out := make([]Spec, 0, len(r.order))
	for _, t := range r.order {
		out = append(out, r.specs[t])
	}
	return out
}
