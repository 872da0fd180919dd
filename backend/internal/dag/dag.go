// Package dag checks a workflow's graph before it runs and orders its nodes
// topologically in levels: the nodes of one level can run at the same time.
package dag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// invalid is the error of a graph with problems, located by node and edge
// index ("nodes[2]", "edges[0].source_handle").
func invalid(fields []fault.Field) *fault.Error {
	msgs := make([]string, len(fields))
	for i, f := range fields {
		msgs[i] = f.Message
	}
	return fault.Invalid("invalid workflow graph: "+strings.Join(msgs, "; "), fields...)
}

// nodeAt and edgeAt are the locations of a node and an edge.
func nodeAt(i int) string { return fmt.Sprintf("nodes[%d]", i) }

// edgeAt is the location of the edge at index i.
func edgeAt(i int) string { return fmt.Sprintf("edges[%d]", i) }

// Ports tells which handles a node type has; nil accepts any handle.
type Ports interface {
	HasInput(t workflow.NodeType, handle string) bool
	HasOutput(t workflow.NodeType, handle string) bool
}

// Graph is a validated workflow graph with its order and adjacency.
type Graph struct {
	Nodes  map[string]workflow.Node
	Order  []string   // every node id, topologically, ties broken by the workflow's order
	Levels [][]string // Order cut into levels of independent nodes
	Preds  map[string][]string
	Succs  map[string][]string
	Edges  []workflow.Edge
}

// Index returns each node id's position in Order.
func (g *Graph) Index() map[string]int {
	idx := make(map[string]int, len(g.Order))
	for i, id := range g.Order {
		idx[id] = i
	}
	return idx
}

// Build validates g and orders it. ports may be nil.
func Build(g workflow.Graph, ports Ports) (*Graph, error) {
	var probs []fault.Field
	if len(g.Nodes) == 0 {
		return nil, invalid([]fault.Field{{Location: "nodes", Message: "the workflow has no nodes: add at least one"}})
	}
	out := &Graph{Nodes: map[string]workflow.Node{}, Preds: map[string][]string{}, Succs: map[string][]string{}, Edges: g.Edges}
	position := map[string]int{}
	for i, n := range g.Nodes {
		if _, dup := out.Nodes[n.ID]; dup {
			probs = append(probs, fault.Field{Location: nodeAt(i) + ".id", Message: fmt.Sprintf("node id %s is used twice", n.ID)})
			continue
		}
		out.Nodes[n.ID] = n
		position[n.ID] = i
	}
	seen := map[string]bool{}
	for i, e := range g.Edges {
		probs = append(probs, checkEdge(out.Nodes, i, e, ports)...)
		key := e.SourceNodeID + "|" + e.TargetNodeID + "|" + deref(e.SourceHandle) + "|" + deref(e.TargetHandle)
		if seen[key] {
			probs = append(probs, fault.Field{Location: edgeAt(i), Message: fmt.Sprintf("the edge from %q to %q is there twice", name(out.Nodes, e.SourceNodeID), name(out.Nodes, e.TargetNodeID))})
		}
		seen[key] = true
		if _, ok := out.Nodes[e.SourceNodeID]; !ok {
			continue
		}
		if _, ok := out.Nodes[e.TargetNodeID]; !ok || e.SourceNodeID == e.TargetNodeID {
			continue
		}
		out.Preds[e.TargetNodeID] = appendOnce(out.Preds[e.TargetNodeID], e.SourceNodeID)
		out.Succs[e.SourceNodeID] = appendOnce(out.Succs[e.SourceNodeID], e.TargetNodeID)
	}
	if len(probs) > 0 {
		return nil, invalid(probs)
	}
	if err := out.order(position); err != nil {
		return nil, err
	}
	return out, nil
}

// checkEdge reports an edge (at index i) whose ends or handles do not exist.
func checkEdge(nodes map[string]workflow.Node, i int, e workflow.Edge, ports Ports) []fault.Field {
	var probs []fault.Field
	src, okS := nodes[e.SourceNodeID]
	dst, okT := nodes[e.TargetNodeID]
	if !okS {
		probs = append(probs, fault.Field{Location: edgeAt(i) + ".source_node_id", Message: fmt.Sprintf("an edge starts at node %s, which is not in this workflow", e.SourceNodeID)})
	}
	if !okT {
		probs = append(probs, fault.Field{Location: edgeAt(i) + ".target_node_id", Message: fmt.Sprintf("an edge ends at node %s, which is not in this workflow", e.TargetNodeID)})
	}
	if okS && okT && e.SourceNodeID == e.TargetNodeID {
		probs = append(probs, fault.Field{Location: edgeAt(i), Message: fmt.Sprintf("node %q is connected to itself", src.Name)})
	}
	if ports == nil || !okS || !okT {
		return probs
	}
	if h := deref(e.SourceHandle); h != "" && !ports.HasOutput(src.Type, h) {
		probs = append(probs, fault.Field{Location: edgeAt(i) + ".source_handle", Message: fmt.Sprintf("node %q (%s) has no output %q", src.Name, src.Type, h)})
	}
	if h := deref(e.TargetHandle); h != "" && !ports.HasInput(dst.Type, h) {
		probs = append(probs, fault.Field{Location: edgeAt(i) + ".target_handle", Message: fmt.Sprintf("node %q (%s) has no input %q", dst.Name, dst.Type, h)})
	}
	return probs
}

// order sorts the nodes by Kahn's algorithm, level by level; within a level
// nodes keep the workflow's order, so the result is deterministic.
func (g *Graph) order(position map[string]int) error {
	indeg := map[string]int{}
	for id := range g.Nodes {
		indeg[id] = len(g.Preds[id])
	}
	var level []string
	for id, d := range indeg {
		if d == 0 {
			level = append(level, id)
		}
	}
	for len(level) > 0 {
		sort.Slice(level, func(i, j int) bool { return position[level[i]] < position[level[j]] })
		g.Levels = append(g.Levels, level)
		g.Order = append(g.Order, level...)
		var next []string
		for _, id := range level {
			for _, s := range g.Succs[id] {
				if indeg[s]--; indeg[s] == 0 {
					next = append(next, s)
				}
			}
		}
		level = next
	}
	if len(g.Order) == len(g.Nodes) {
		return nil
	}
	cycle := g.cycle(indeg, position)
	names := make([]string, len(cycle))
	for i, id := range cycle {
		names[i] = fmt.Sprintf("%q", g.Nodes[id].Name)
	}
	return invalid([]fault.Field{{Location: nodeAt(position[cycle[0]]),
		Message: "the graph has a cycle: " + strings.Join(names, " -> ") + " -> " + names[0]}})
}

// deref returns the string or "".
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// name returns a node's name, or its id when it is unknown.
func name(nodes map[string]workflow.Node, id string) string {
	if n, ok := nodes[id]; ok {
		return n.Name
	}
	return id
}

// appendOnce appends v unless it is already in s.
func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
