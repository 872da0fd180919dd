package executor

import (
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Registry maps node types to their executors. It is filled explicitly when
// the server is wired; nothing registers itself.
type Registry struct {
	byType map[workflow.NodeType]Executor
	order  []workflow.NodeType
}

// NewRegistry registers execs in the given order (the palette's order).
func NewRegistry(execs ...Executor) (*Registry, error) {
	r := &Registry{byType: map[workflow.NodeType]Executor{}}
	for _, e := range execs {
		if _, dup := r.byType[e.Type()]; dup {
			return nil, fmt.Errorf("executor: %s registered twice", e.Type())
		}
		r.byType[e.Type()] = e
		r.order = append(r.order, e.Type())
	}
	return r, nil
}

// Get returns the executor of t.
func (r *Registry) Get(t workflow.NodeType) (Executor, bool) {
	e, ok := r.byType[t]
	return e, ok
}

// Types lists the registered node types in registration order.
func (r *Registry) Types() []workflow.NodeType {
	return append([]workflow.NodeType(nil), r.order...)
}
