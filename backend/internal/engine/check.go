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

// wirings says, for each node, which input keys its edges will bring (an
// edge's target handle, and its source's outputs: the one its source
// handle names, else all of them, the brief's merge) and which shapes the
// nodes it feeds ask for.
func wirings(reg *executor.Registry, g workflow.Graph) map[string]executor.Wiring {
	byID := map[string]workflow.Node{}
	for _, n := range g.Nodes {
		byID[n.ID] = n
	}
	out := map[string]executor.Wiring{}
	for _, e := range g.Edges {
		w := out[e.TargetNodeID]
		if e.TargetHandle != nil && *e.TargetHandle != "" {
			w.Add(*e.TargetHandle)
		}
		// The source's outputs are merged in whatever handle the edge ends at
		// (the brief's merge): all of them, or the one its source handle names.
		if e.SourceHandle != nil && *e.SourceHandle != "" {
			w.Add(*e.SourceHandle)
		} else if spec, ok := reg.Spec(byID[e.SourceNodeID].Type); ok {
			for _, p := range spec.Outputs {
				w.Add(p.Name)
			}
		}
		w.Sources = append(w.Sources, byID[e.SourceNodeID].Name)
		out[e.TargetNodeID] = w
		src := out[e.SourceNodeID]
		src.AddShapes(askedShapes(reg, byID[e.TargetNodeID])...)
		out[e.SourceNodeID] = src
	}
	return out
}

// askedShapes are the image shapes node n asks the nodes feeding it for.
func askedShapes(reg *executor.Registry, n workflow.Node) []string {
	ex, ok := reg.Get(n.Type)
	if !ok {
		return nil
	}
	if a, ok := ex.(executor.ShapeAsker); ok {
		return a.AskedShapes(n.Config)
	}
	return nil
}

// problem is one thing wrong with a node: the field (located at its node,
// "nodes[2].config.template", with a message for the field itself) and the
// sentence for the error's summary, which names the node.
type problem struct {
	field   fault.Field
	summary string
}

// checkNodes reports unknown node types, missing names and bad configs.
func checkNodes(reg *executor.Registry, g workflow.Graph, owner string) []problem {
	wired := wirings(reg, g)
	var probs []problem
	for i, n := range g.Nodes {
		at := fmt.Sprintf("nodes[%d]", i)
		ex, ok := reg.Get(n.Type)
		if !ok {
			msg := fmt.Sprintf("unknown node type %q", n.Type)
			probs = append(probs, problem{fault.Field{Location: at + ".type", Message: msg}, fmt.Sprintf("node %q: %s", n.Name, msg)})
			continue
		}
		if strings.TrimSpace(n.Name) == "" {
			msg := "every node needs a name"
			probs = append(probs, problem{fault.Field{Location: at + ".name", Message: msg}, fmt.Sprintf("a %s node: %s", n.Type, msg)})
		}
		w := wired[n.ID]
		w.Owner = owner
		_, errs := ex.Check(n.Config, w)
		for _, f := range errs {
			field := fault.Prefix(at+".config", []fault.Field{f})[0]
			probs = append(probs, problem{field, fmt.Sprintf("node %q: %s", n.Name, named(f))})
		}
	}
	return probs
}

// checkInputs reports required inputs that nothing is connected to.
func checkInputs(reg *executor.Registry, g workflow.Graph) []problem {
	wired := wirings(reg, g)
	var probs []problem
	for i, n := range g.Nodes {
		spec, ok := reg.Spec(n.Type)
		if !ok {
			continue
		}
		for _, p := range spec.Inputs {
			if p.Required && !wired[n.ID].Has(p.Name) {
				msg := fmt.Sprintf("connect something to its %s input", strings.ToLower(p.Label))
				probs = append(probs, problem{fault.Field{Location: fmt.Sprintf("nodes[%d].inputs.%s", i, p.Name), Message: msg},
					fmt.Sprintf("node %q: %s", n.Name, msg)})
			}
		}
	}
	return probs
}

// unrunnable reports, for the nodes a run needs (nil: every node), what is
// known to fail before anything starts: a node type this server cannot run
// (a missing key) and what node types warn of (a template variable no
// connected node provides), so the run is refused instead of started.
func unrunnable(reg *executor.Registry, g workflow.Graph, need map[string]bool) []problem {
	wired := wirings(reg, g)
	var probs []problem
	for i, n := range g.Nodes {
		if need != nil && !need[n.ID] {
			continue
		}
		at := fmt.Sprintf("nodes[%d]", i)
		if spec, ok := reg.Spec(n.Type); ok && spec.Unavailable != "" {
			probs = append(probs, problem{fault.Field{Location: at, Message: spec.Unavailable},
				fmt.Sprintf("node %q: %s", n.Name, spec.Unavailable)})
		}
		ex, _ := reg.Get(n.Type)
		if w, ok := ex.(executor.Warner); ok {
			for _, f := range w.Warnings(n.Config, wired[n.ID]) {
				field := fault.Prefix(at+".config", []fault.Field{f})[0]
				probs = append(probs, problem{field, fmt.Sprintf("node %q: %s", n.Name, named(f))})
			}
		}
	}
	return probs
}

// Warnings are what is likely wrong with a graph that can still be saved:
// required inputs nothing is connected to (a run refuses them), and what
// node types warn of (a template variable no connected node provides).
// Locations are as the errors' ("nodes[2].config.template").
func (e *Engine) Warnings(g workflow.Graph) []fault.Field {
	var out []fault.Field
	for _, p := range checkInputs(e.reg, g) {
		out = append(out, p.field)
	}
	wired := wirings(e.reg, g)
	for i, n := range g.Nodes {
		ex, _ := e.reg.Get(n.Type)
		if w, ok := ex.(executor.Warner); ok {
			out = append(out, fault.Prefix(fmt.Sprintf("nodes[%d].config", i), w.Warnings(n.Config, wired[n.ID]))...)
		}
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
