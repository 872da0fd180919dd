package engine

import (
	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Plan is a graph compiled once for a run or an estimate: its order, and
// for each node its executor, its config decoded and checked against its
// wiring, what its run will cost, and how its inputs are gathered.
// Validation, warnings, prediction, pricing, the precheck and every node
// job of a run read the plan; none decodes a config or rebuilds a wiring
// again. A run's plan is kept with its graph snapshot, which never
// changes.
type Plan struct {
	graph workflow.Graph
	dag   *dag.Graph // nil when the graph has a shape problem (shapeErr)
	// shapeErr is what dag.Build found wrong with the graph's shape
	// (cycles, dangling edges, handles).
	shapeErr error
	nodes    map[string]*planNode
	order    []*planNode // as the graph lists them, for locations
}

// planNode is one node of a plan.
type planNode struct {
	index int // in the graph's node list: "nodes[<index>]"
	node  workflow.Node
	ex    executor.Executor // nil: a type this server does not run
	spec  executor.Spec
	// lists are the inputs that collect the items of every source.
	lists map[string]bool
	// wiring is what its edges bring, its sources' names, and the image
	// shapes the nodes it feeds ask for.
	wiring executor.Wiring
	cfg    executor.Bound // nil when ex is
	// quote is what one run will cost and make (quoteErr: it cannot tell).
	quote    executor.Quote
	quoteErr error
}

// Compile compiles g for owner's run or estimate, without judging it:
// Validate says what is wrong with it. owner may be "" (a run's job,
// whose graph was validated when the run started).
func (e *Engine) Compile(g workflow.Graph, owner string) *Plan {
	return e.compile(g, owner, portTable{e.reg})
}

// compile is Compile with the handle check dag.Build applies (nil: none,
// for a run's snapshot).
func (e *Engine) compile(g workflow.Graph, owner string, ports dag.Ports) *Plan {
	p := &Plan{graph: g, nodes: make(map[string]*planNode, len(g.Nodes)), order: make([]*planNode, len(g.Nodes))}
	p.dag, p.shapeErr = dag.Build(g, ports)
	decoded := make(map[string]executor.Decoded, len(g.Nodes))
	for i, n := range g.Nodes {
		pn := &planNode{index: i, node: n}
		if ex, ok := e.reg.Get(n.Type); ok {
			pn.ex, pn.spec = ex, ex.Spec()
			pn.lists = pn.spec.Lists()
			decoded[n.ID] = executor.Decode(ex, n.Config)
		}
		p.order[i] = pn
		if _, dup := p.nodes[n.ID]; !dup {
			p.nodes[n.ID] = pn
		}
	}
	for _, ed := range g.Edges {
		src, dst := p.nodes[ed.SourceNodeID], p.nodes[ed.TargetNodeID]
		if src == nil || dst == nil {
			continue // a dangling edge: dag.Build says so
		}
		wire(&dst.wiring, ed, src)
		if d := decoded[dst.node.ID]; d != nil {
			src.wiring.AddShapes(d.AskedShapes()...)
		}
	}
	for _, pn := range p.order {
		d := decoded[pn.node.ID]
		if d == nil || p.nodes[pn.node.ID] != pn {
			continue
		}
		pn.wiring.Owner = owner
		pn.cfg = d.Bind(pn.wiring)
		pn.quote, pn.quoteErr = pn.cfg.Estimate()
	}
	return p
}

// wire adds what edge ed brings from src to a node's wiring: its target
// handle, and src's outputs (the one its source handle names, else all of
// them: the brief's merge), and src's name (a template may name it).
func wire(w *executor.Wiring, ed workflow.Edge, src *planNode) {
	if h := edgeHandle(ed.TargetHandle); h != "" {
		w.Add(h)
	}
	if h := edgeHandle(ed.SourceHandle); h != "" {
		w.Add(h)
	} else if src.ex != nil {
		for _, out := range src.spec.Outputs {
			w.Add(out.Name)
		}
	}
	w.Sources = append(w.Sources, src.node.Name)
}

// node is the plan's node id (nil for an id the graph lacks).
func (p *Plan) node(id string) *planNode { return p.nodes[id] }

// newRun is what the node's executor gets for a run of execution
// executionID by owner with inputs, or for a prediction (noExecution):
// the one way a Run is assembled.
func (pn *planNode) newRun(executionID, owner string, inputs map[string]any) *executor.Run {
	return &executor.Run{ExecutionID: executionID, Owner: owner, NodeID: pn.node.ID, NodeName: pn.node.Name,
		Inputs: inputs, Shapes: pn.wiring.Shapes, Config: pn.node.Config}
}

// delivers says whether the node delivers final ads (an Output).
func (pn *planNode) delivers() bool { return pn.cfg != nil && pn.cfg.MostFinals() > 0 }
