package engine

import (
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// portTable answers dag's handle questions from the executors' specs; an
// executor without a spec accepts any handle.
type portTable struct{ reg *executor.Registry }

// HasInput reports whether node type t has input handle h.
func (p portTable) HasInput(t workflow.NodeType, h string) bool {
	spec, ok := p.spec(t)
	return !ok || spec.OpenInputs || hasPort(spec.Inputs, h)
}

// HasOutput reports whether node type t has output handle h.
func (p portTable) HasOutput(t workflow.NodeType, h string) bool {
	spec, ok := p.spec(t)
	return !ok || hasPort(spec.Outputs, h)
}

// spec returns the spec of t when its executor has one.
func (p portTable) spec(t workflow.NodeType) (executor.Spec, bool) {
	ex, ok := p.reg.Get(t)
	if !ok {
		return executor.Spec{}, false
	}
	d, ok := ex.(executor.Describer)
	if !ok {
		return executor.Spec{}, false
	}
	return d.Spec(), true
}

// hasPort reports whether ports has one named h.
func hasPort(ports []executor.Port, h string) bool {
	for _, p := range ports {
		if p.Name == h {
			return true
		}
	}
	return false
}

// checkNode reports an unknown node type or a bad config, naming the node
// and the field.
func checkNode(reg *executor.Registry, n workflow.Node) []dag.Problem {
	ex, ok := reg.Get(n.Type)
	if !ok {
		return []dag.Problem{{NodeID: n.ID, Field: "type", Message: fmt.Sprintf("node %q has unknown type %q", n.Name, n.Type)}}
	}
	if n.Name == "" {
		return []dag.Problem{{NodeID: n.ID, Field: "name", Message: "every node needs a name"}}
	}
	v, ok := ex.(executor.Validator)
	if !ok {
		return nil
	}
	var probs []dag.Problem
	for _, fe := range v.Validate(n.Config) {
		probs = append(probs, dag.Problem{NodeID: n.ID, Field: "config." + fe.Field,
			Message: fmt.Sprintf("node %q: %s: %s", n.Name, fe.Field, fe.Message)})
	}
	return probs
}

// execEvent is the event describing an execution's current state.
func execEvent(x workflow.Execution) events.Event {
	return events.Event{ExecutionID: x.ID, Status: string(x.Status), Error: x.ErrorMessage, Cost: x.TotalCost, Time: now()}
}
