package dag

import "sort"

// cycle returns the nodes of one cycle, in edge order, starting from the
// cycle's node that comes first in the workflow. Only nodes Kahn's algorithm
// left behind (indegree above zero) are searched: every cycle is among them,
// with the nodes that merely follow a cycle.
func (g *Graph) cycle(indeg map[string]int, position map[string]int) []string {
	var left []string
	for id, d := range indeg {
		if d > 0 {
			left = append(left, id)
		}
	}
	sort.Slice(left, func(i, j int) bool { return position[left[i]] < position[left[j]] })
	in := map[string]bool{}
	for _, id := range left {
		in[id] = true
	}
	// Walk predecessors: every left node has one that is also left, so the
	// walk must come back to a node it has seen; that loop is a cycle.
	seenAt := map[string]int{}
	var path []string
	cur := left[0]
	for {
		if i, seen := seenAt[cur]; seen {
			loop := path[i:]
			// path follows predecessors; reverse it to follow the edges.
			for a, b := 0, len(loop)-1; a < b; a, b = a+1, b-1 {
				loop[a], loop[b] = loop[b], loop[a]
			}
			return rotateToFirst(loop, position)
		}
		seenAt[cur] = len(path)
		path = append(path, cur)
		for _, p := range g.Preds[cur] {
			if in[p] {
				cur = p
				break
			}
		}
	}
}

// rotateToFirst starts the loop at its node that comes first in the workflow.
func rotateToFirst(loop []string, position map[string]int) []string {
	best := 0
	for i, id := range loop {
		if position[id] < position[loop[best]] {
			best = i
		}
	}
	return append(append([]string(nil), loop[best:]...), loop[:best]...)
}
