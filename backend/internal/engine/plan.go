package engine

import (
	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// decision is what should happen next in a running execution.
type decision struct {
	enqueue  []string // nodes whose jobs start now
	pause    string   // node to pause before it runs ("" for none)
	complete bool     // nothing is left to run
}

// plan decides, from the graph and every node's state, which nodes start,
// whether the run pauses, and whether it is done. It is pure: the engine
// applies its decision inside the transaction that read the state.
//
// A node is ready when it is WAITING (no job yet) and all its sources
// have COMPLETED. In step mode the run pauses before the first ready node
// once nothing else is running; otherwise ready nodes start in order, up to
// maxParallel at once, until one with a breakpoint is met, which pauses.
func plan(g *dag.Graph, stepMode bool, nodes map[string]*workflow.NodeExecution, maxParallel int) decision {
	var d decision
	active, paused := 0, false
	for _, ne := range nodes {
		switch ne.State() {
		case workflow.StateRunning, workflow.StateQueued:
			active++
		case workflow.StatePaused:
			paused = true
		}
	}
	var ready []string
	for _, id := range g.Order {
		ne := nodes[id]
		if ne == nil || ne.State() != workflow.StateWaiting {
			continue
		}
		if sourcesCompleted(g, nodes, id) {
			ready = append(ready, id)
		}
	}
	if active == 0 && len(ready) == 0 && !paused {
		d.complete = true
		return d
	}
	if stepMode {
		if active == 0 && len(ready) > 0 {
			d.pause = ready[0]
		}
		return d
	}
	for _, id := range ready {
		if g.Nodes[id].HasBreakpoint {
			d.pause = id
			break
		}
		if active >= maxParallel {
			break
		}
		d.enqueue = append(d.enqueue, id)
		active++
	}
	return d
}

// sourcesCompleted reports whether every source of node id has COMPLETED.
func sourcesCompleted(g *dag.Graph, nodes map[string]*workflow.NodeExecution, id string) bool {
	for _, p := range g.Preds[id] {
		if ne := nodes[p]; ne == nil || ne.Status != workflow.NodeCompleted {
			return false
		}
	}
	return true
}
