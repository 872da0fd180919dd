package engine

import (
	"encoding/json"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// gatherInputs builds a node's inputs from its sources' outputs, in the
// graph's order: every output key merged (the brief's rule; a later source
// wins a clash), each source under its edge's target handle, and each
// source's whole output under the source node's name. A list input (lists,
// such as an Output's images) collects the items of every source instead,
// in the graph's order.
func gatherInputs(g *dag.Graph, nodes map[string]*workflow.NodeExecution, nodeID string, lists map[string]bool) map[string]any {
	inputs := map[string]any{}
	collected := map[string][]any{}
	idx := g.Index()
	var edges []workflow.Edge
	for _, e := range g.Edges {
		if e.TargetNodeID == nodeID {
			edges = append(edges, e)
		}
	}
	// Sources in topological order, so merging is deterministic.
	for i := 1; i < len(edges); i++ {
		for j := i; j > 0 && idx[edges[j].SourceNodeID] < idx[edges[j-1].SourceNodeID]; j-- {
			edges[j], edges[j-1] = edges[j-1], edges[j]
		}
	}
	byName := map[string]any{}
	byHandle := map[string]any{}
	for _, e := range edges {
		src := nodes[e.SourceNodeID]
		if src == nil || src.OutputData == nil {
			continue
		}
		var out map[string]any
		if err := json.Unmarshal(src.OutputData, &out); err != nil {
			continue
		}
		out = pick(out, e.SourceHandle)
		for k, v := range out {
			inputs[k] = v
		}
		byName[g.Nodes[e.SourceNodeID].Name] = out
		handle := ""
		if e.TargetHandle != nil && *e.TargetHandle != "" {
			handle = *e.TargetHandle
			byHandle[handle] = handleValue(out, handle)
		}
		for list := range lists {
			if v, ok := out[list]; ok && (handle == "" || handle == list) {
				collected[list] = appendItems(collected[list], v)
			} else if handle == list {
				collected[list] = appendItems(collected[list], byHandle[list])
			}
		}
	}
	for k, v := range byName {
		if _, taken := inputs[k]; !taken {
			inputs[k] = v
		}
	}
	for k, v := range byHandle {
		inputs[k] = v
	}
	for k, items := range collected {
		inputs[k] = items
	}
	return inputs
}

// appendItems adds a source's value to a list input: each item of a list,
// or the value itself.
func appendItems(list []any, v any) []any {
	if items, ok := v.([]any); ok {
		return append(list, items...)
	}
	if v == nil {
		return list
	}
	return append(list, v)
}

// pick narrows an output to one key when the edge starts at a named handle.
func pick(out map[string]any, handle *string) map[string]any {
	if handle == nil || *handle == "" {
		return out
	}
	if v, ok := out[*handle]; ok {
		return map[string]any{*handle: v}
	}
	return out
}

// handleValue is what an edge's target handle names: the output key of that
// name, else the output's only value (ignoring cost), else the whole output.
func handleValue(out map[string]any, handle string) any {
	if v, ok := out[handle]; ok {
		return v
	}
	var only any
	n := 0
	for k, v := range out {
		if k != "cost" {
			only, n = v, n+1
		}
	}
	if n == 1 {
		return only
	}
	return out
}

// sizeAtLeast is a lower bound of v's size as JSON, counted without
// encoding it (the text in its strings and keys): inputs this says are
// over a limit are refused before they are encoded, which can take many
// times their size (a "<" is six bytes).
func sizeAtLeast(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case map[string]any:
		n := 0
		for k, e := range x {
			n += len(k) + sizeAtLeast(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += sizeAtLeast(e)
		}
		return n
	}
	return 1
}
