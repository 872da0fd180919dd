package engine

import (
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// checkKinds reports edges whose source's output cannot feed the target's
// input (executor.Misfit says when), located at the edge ("edges[3]"). It
// runs after dag.Build, so both ends exist and their handles are known.
func checkKinds(reg *executor.Registry, g workflow.Graph) []problem {
	byID := make(map[string]workflow.Node, len(g.Nodes))
	for _, n := range g.Nodes {
		byID[n.ID] = n
	}
	var probs []problem
	for i, e := range g.Edges {
		src, dst := byID[e.SourceNodeID], byID[e.TargetNodeID]
		srcSpec, okS := reg.Spec(src.Type)
		dstSpec, okT := reg.Spec(dst.Type)
		if !okS || !okT { // an unknown type is refused with its node
			continue
		}
		msg := executor.Misfit(executor.End{Name: src.Name, Spec: srcSpec, Handle: edgeHandle(e.SourceHandle)},
			executor.End{Name: dst.Name, Spec: dstSpec, Handle: edgeHandle(e.TargetHandle)})
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
