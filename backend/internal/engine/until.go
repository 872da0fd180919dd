package engine

import (
	"context"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// CheckOptions refuses run options that name nodes the plan's graph
// lacks (a graph with a shape problem is reported by saving it).
func (p *Plan) CheckOptions(o *workflow.RunOptions) error {
	if p.dag == nil {
		return nil
	}
	return checkOptions(p.dag, o)
}

// checkOptions refuses run options that name nodes the workflow lacks.
func checkOptions(g *dag.Graph, o *workflow.RunOptions) error {
	if o == nil {
		return nil
	}
	var errs []fault.Field
	for i, id := range o.Fresh {
		if _, ok := g.Nodes[id]; !ok {
			errs = append(errs, fault.Field{Location: fmt.Sprintf("fresh[%d]", i), Message: "not a node of this workflow"})
		}
	}
	if _, ok := g.Nodes[o.Until]; o.Until != "" && !ok {
		errs = append(errs, fault.Field{Location: "until", Message: "not a node of this workflow"})
	}
	if len(errs) > 0 {
		return fault.Invalid("the run options name nodes this workflow does not have", errs...)
	}
	return nil
}

// needed lists what running until needs: it and every node before it
// (nil: every node).
func needed(g *dag.Graph, o *workflow.RunOptions) map[string]bool {
	if o == nil || o.Until == "" {
		return nil
	}
	out := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if out[id] {
			return
		}
		out[id] = true
		for _, p := range g.Preds[id] {
			walk(p)
		}
	}
	walk(o.Until)
	return out
}

// skipUnneeded skips, at a run's start, the nodes a run "until" a node
// does not need (nil: it needs every node).
func skipUnneeded(ctx context.Context, rs *runState, need map[string]bool) error {
	if need == nil {
		return nil
	}
	var until string
	for _, id := range rs.g.Order {
		if need[id] && !hasSucc(rs, id, need) {
			until = rs.g.Nodes[id].Name
		}
	}
	for _, id := range rs.g.Order {
		if ne := rs.nodes[id]; ne != nil && !need[id] {
			if err := rs.moveNode(ctx, ne, workflow.StateSkipped, nodeChange{msg: fmt.Sprintf("not needed to run %q", until)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// hasSucc reports whether id feeds a node in set.
func hasSucc(rs *runState, id string, set map[string]bool) bool {
	for _, s := range rs.g.Succs[id] {
		if set[s] {
			return true
		}
	}
	return false
}
