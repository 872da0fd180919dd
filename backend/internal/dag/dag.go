// Package dag checks a workflow's graph before it runs and orders its nodes
// topologically in levels: the nodes of one level can run at the same time.
package dag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Problem is one thing wrong with a graph, tied to a node or edge when it can be.
type Problem struct {
	NodeID  string `json:"node_id,omitempty"`
	EdgeID  string `json:"edge_id,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Error lists every problem found in a graph.
type Error struct{ Problems []Problem }

// Error joins the problems into one message.
func (e *Error) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return "invalid workflow graph: " + strings.Join(msgs, "; ")
}

// Unwrap makes errors.Is(err, workflow.ErrInvalid) true.
func (e *Error) Unwrap() error { return workflow.ErrInvalid }

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
	var probs []Problem
	if len(g.Nodes) == 0 {
		return nil, &Error{[]Problem{{Message: "the workflow has no nodes: add at least one"}}}
	}
	out := &Graph{Nodes: map[string]workflow.Node{}, Preds: map[string][]string{}, Succs: map[string][]string{}, Edges: g.Edges}
	position := map[string]int{}
	for i, n := range g.Nodes {
		if _, dup := out.Nodes[n.ID]; dup {
			probs = append(probs, Problem{NodeID: n.ID, Message: fmt.Sprintf("node id %s is used twice", n.ID)})
			continue
		}
		out.Nodes[n.ID] = n
		position[n.ID] = i
	}
	seen := map[string]bool{}
	for _, e := range g.Edges {
		probs = append(probs, checkEdge(out.Nodes, e, ports)...)
		key := e.SourceNodeID + "|" + e.TargetNodeID + "|" + deref(e.SourceHandle) + "|" + deref(e.TargetHandle)
		if seen[key] {
			probs = append(probs, Problem{EdgeID: e.ID, Message: fmt.Sprintf("the edge from %q to %q is there twice", name(out.Nodes, e.SourceNodeID), name(out.Nodes, e.TargetNodeID))})
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
		return nil, &Error{probs}
	}
	if err := out.order(position); err != nil {
		return nil, err
	}
	return out, nil
}

// checkEdge reports an edge whose ends or handles do not exist.
func checkEdge(nodes map[string]workflow.Node, e workflow.Edge, ports Ports) []Problem {
	var probs []Problem
	src, okS := nodes[e.SourceNodeID]
	dst, okT := nodes[e.TargetNodeID]
	if !okS {
		probs = append(probs, Problem{EdgeID: e.ID, Message: fmt.Sprintf("an edge starts at node %s, which is not in this workflow", e.SourceNodeID)})
	}
	if !okT {
		probs = append(probs, Problem{EdgeID: e.ID, Message: fmt.Sprintf("an edge ends at node %s, which is not in this workflow", e.TargetNodeID)})
	}
	if okS && okT && e.SourceNodeID == e.TargetNodeID {
		probs = append(probs, Problem{EdgeID: e.ID, NodeID: e.SourceNodeID, Message: fmt.Sprintf("node %q is connected to itself", src.Name)})
	}
	if ports == nil || !okS || !okT {
		return probs
	}
	if h := deref(e.SourceHandle); h != "" && !ports.HasOutput(src.Type, h) {
		probs = append(probs, Problem{EdgeID: e.ID, NodeID: src.ID, Field: "source_handle", Message: fmt.Sprintf("node %q (%s) has no output %q", src.Name, src.Type, h)})
	}
	if h := deref(e.TargetHandle); h != "" && !ports.HasInput(dst.Type, h) {
		probs = append(probs, Problem{EdgeID: e.ID, NodeID: dst.ID, Field: "target_handle", Message: fmt.Sprintf("node %q (%s) has no input %q", dst.Name, dst.Type, h)})
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
	return &Error{[]Problem{{Message: "the graph has a cycle through " + g.cycleNames(indeg, position)}}}
}

// cycleNames names the nodes left in a cycle, in the workflow's order.
func (g *Graph) cycleNames(indeg map[string]int, position map[string]int) string {
	var left []string
	for id, d := range indeg {
		if d > 0 {
			left = append(left, id)
		}
	}
	sort.Slice(left, func(i, j int) bool { return position[left[i]] < position[left[j]] })
	names := make([]string, len(left))
	for i, id := range left {
		names[i] = fmt.Sprintf("%q", g.Nodes[id].Name)
	}
	return strings.Join(names, ", ")
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
