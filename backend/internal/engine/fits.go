package engine

import (
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// checkKinds reports edges whose source's output cannot feed the target's
// input (executor.Misfit says when), located at the edge ("edges[3]"). It
// runs after dag.Build, so both ends exist and their handles are known.
func checkKinds(p *Plan) []problem {
	var probs []problem
	for i, ed := range p.graph.Edges {
		src, dst := p.node(ed.SourceNodeID), p.node(ed.TargetNodeID)
		if src == nil || dst == nil || src.ex == nil || dst.ex == nil { // an unknown type is refused with its node
			continue
		}
		msg := executor.Misfit(executor.End{Name: src.node.Name, Spec: src.spec, Handle: edgeHandle(ed.SourceHandle)},
			executor.End{Name: dst.node.Name, Spec: dst.spec, Handle: edgeHandle(ed.TargetHandle)})
		if msg != "" {
			probs = append(probs, problem{fault.Field{Location: fmt.Sprintf("edges[%d]", i), Message: msg}, msg})
		}
	}
	return probs
}

// edgeHandle is an edge's handle, or "" when it names none.
func edgeHandle(h *string) string {
	if h == nil {
		return ""
	}
	return *h
}
