package engine

import (
	"fmt"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// portTable answers dag's handle questions from the catalog; a type
// without an executor accepts any handle (its node is refused elsewhere).
type portTable struct{ reg *executor.Registry }

// HasInput reports whether node type t has input handle h.
func (p portTable) HasInput(t workflow.NodeType, h string) bool {
	spec, ok := p.reg.Spec(t)
	return !ok || spec.HasInput(h)
}

// HasOutput reports whether node type t has output handle h.
func (p portTable) HasOutput(t workflow.NodeType, h string) bool {
	spec, ok := p.reg.Spec(t)
	return !ok || spec.HasOutput(h)
}

// problem is one thing wrong with a node: the field (located at its node,
// "nodes[2].config.template", with a message for the field itself) and the
// sentence for the error's summary, which names the node.
type problem struct {
	field   fault.Field
	summary string
}

// checkNodes reports unknown node types, missing names and bad configs.
func checkNodes(p *Plan) []problem {
	var probs []problem
	for _, pn := range p.order {
		n, at := pn.node, pn.at()
		if pn.ex == nil {
			msg := fmt.Sprintf("unknown node type %q", n.Type)
			probs = append(probs, problem{fault.Field{Location: at + ".type", Message: msg}, fmt.Sprintf("node %q: %s", n.Name, msg)})
			continue
		}
		if strings.TrimSpace(n.Name) == "" {
			msg := "every node needs a name"
			probs = append(probs, problem{fault.Field{Location: at + ".name", Message: msg}, fmt.Sprintf("a %s node: %s", n.Type, msg)})
		}
		if pn.cfg == nil {
			continue // a second node with the id: dag.Build refuses the graph
		}
		for _, f := range pn.cfg.Errors() {
			field := fault.Prefix(at+".config", []fault.Field{f})[0]
			probs = append(probs, problem{field, fmt.Sprintf("node %q: %s", n.Name, named(f))})
		}
	}
	return probs
}

// at is the node's location in the graph ("nodes[2]").
func (pn *planNode) at() string { return fmt.Sprintf("nodes[%d]", pn.index) }

// checkInputs reports required inputs that nothing is connected to.
func checkInputs(p *Plan) []problem {
	var probs []problem
	for _, pn := range p.order {
		if pn.ex == nil {
			continue
		}
		for _, port := range pn.spec.Inputs {
			if port.Required && !pn.wiring.Has(port.Name) {
				msg := fmt.Sprintf("connect something to its %s input", strings.ToLower(port.Label))
				probs = append(probs, problem{fault.Field{Location: fmt.Sprintf("%s.inputs.%s", pn.at(), port.Name), Message: msg},
					fmt.Sprintf("node %q: %s", pn.node.Name, msg)})
			}
		}
	}
	return probs
}

// unrunnable reports, for the nodes a run needs (nil: every node), what is
// known to fail before anything starts: a node type this server cannot run
// (a missing key) and what node types warn of (a template variable no
// connected node provides), so the run is refused instead of started.
func unrunnable(p *Plan, need map[string]bool) []problem {
	var probs []problem
	for _, pn := range p.order {
		n, at := pn.node, pn.at()
		if need != nil && !need[n.ID] || pn.ex == nil {
			continue
		}
		if pn.spec.Unavailable != "" {
			probs = append(probs, problem{fault.Field{Location: at, Message: pn.spec.Unavailable},
				fmt.Sprintf("node %q: %s", n.Name, pn.spec.Unavailable)})
		}
		for _, f := range pn.warnings() {
			field := fault.Prefix(at+".config", []fault.Field{f})[0]
			probs = append(probs, problem{field, fmt.Sprintf("node %q: %s", n.Name, named(f))})
		}
	}
	return probs
}

// warnings are what the node's type warns of (nothing for a node without
// a decoded config).
func (pn *planNode) warnings() []fault.Field {
	if pn.cfg == nil {
		return nil
	}
	return pn.cfg.Warnings()
}

// Warnings are what is likely wrong with a graph that can still be saved:
// required inputs nothing is connected to (a run refuses them), and what
// node types warn of (a template variable no connected node provides).
// Locations are as the errors' ("nodes[2].config.template").
func (p *Plan) Warnings() []fault.Field {
	var out []fault.Field
	if p == nil {
		return out
	}
	for _, pr := range checkInputs(p) {
		out = append(out, pr.field)
	}
	for _, pn := range p.order {
		out = append(out, fault.Prefix(pn.at()+".config", pn.warnings())...)
	}
	return out
}

// named is a config field's message with the field named, for summaries.
func named(f fault.Field) string {
	if f.Location == "" {
		return f.Message
	}
	return f.Location + ": " + f.Message
}
