package executor

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// Wiring says what a node is connected to, as the edges tell before a run
// and its gathered inputs tell during one: which inputs it will receive (by
// input key) and the aspect ratios the nodes it feeds ask for. Checks that
// depend on it (an image model with a photo uses another endpoint, and
// generates at its Output's ratio) read it.
type Wiring struct {
	inputs map[string]bool
	// Shapes are the image shapes the nodes this one feeds directly ask
	// for (a ratio name such as "4:5", or an exact size such as
	// "1080x1920"), in the graph's order, without repeats.
	Shapes []string
	// Sources are the names of the nodes connected to this one (a template
	// may name them: {{Product.text}}).
	Sources []string
	// Owner is the user whose graph is checked ("" while running: a run
	// reads only what its workflow's owner owns).
	Owner string
}

// Inputs returns a wiring with the named inputs connected.
func Inputs(names ...string) Wiring {
	var w Wiring
	for _, n := range names {
		w.Add(n)
	}
	return w
}

// Add marks input name connected.
func (w *Wiring) Add(name string) {
	if w.inputs == nil {
		w.inputs = map[string]bool{}
	}
	w.inputs[name] = true
}

// AddShapes records the shapes a fed node asks for.
func (w *Wiring) AddShapes(shapes ...string) {
	for _, s := range shapes {
		if s != "" && !slices.Contains(w.Shapes, s) {
			w.Shapes = append(w.Shapes, s)
		}
	}
}

// Names lists what a node's inputs can be called: its input keys and its
// sources' names.
func (w Wiring) Names() map[string]bool {
	out := make(map[string]bool, len(w.inputs)+len(w.Sources))
	for k := range w.inputs {
		out[k] = true
	}
	for _, s := range w.Sources {
		out[s] = true
	}
	return out
}

// Has reports whether input name is connected.
func (w Wiring) Has(name string) bool { return w.inputs[name] }

// wiringOf is the wiring of a running node: the keys of its inputs and the
// ratios the engine found downstream.
func wiringOf(r *Run) Wiring {
	w := Wiring{Shapes: r.Shapes}
	for k := range r.Inputs {
		w.Add(k)
	}
	return w
}

// Reuser is implemented by executors that say whether a node's earlier
// output may be reused when it computes from the same things again.
type Reuser interface {
	// ReuseFor says whether a node with config may reuse an earlier output,
	// and how old that output may be (0: any age).
	ReuseFor(config json.RawMessage) (ok bool, maxAge time.Duration)
}

// Prechecker is implemented by executors that can tell, before a run
// starts, that a node will fail: from its config and the inputs known by
// then (sources that have not run yet are missing from r.Inputs).
type Prechecker interface {
	Precheck(ctx context.Context, r *Run) error
}

// Purer is implemented by executors that say whether an estimate may run
// a node (with no outside call, cost or write) to foresee what follows it.
type Purer interface {
	Pure() bool
}

// Salter is implemented by executors whose results depend on how this
// server runs them (the local preview or FAL): that goes in signatures.
type Salter interface {
	Salt() string
}

// Warner is implemented by executors that can tell, before a run, what is
// likely wrong but does not stop a save (a template variable nothing
// connected provides).
type Warner interface {
	// Warnings are the config's likely problems; locations are relative to
	// the config.
	Warnings(config json.RawMessage, w Wiring) []fault.Field
}

// ShapeAsker is implemented by executors whose nodes ask the nodes feeding
// them for image shapes (Output delivers a ratio, or placements' sizes).
type ShapeAsker interface {
	// AskedShapes are the shapes a node with config asks for: ratio names
	// or "WxH" sizes (none for an invalid config).
	AskedShapes(config json.RawMessage) []string
}

// Quote is what one run of a node will cost, and for a node that
// generates, what it will generate and how it is billed: what the editor
// shows before a run.
type Quote struct {
	Cost     float64     `json:"cost"`
	Endpoint string      `json:"endpoint,omitempty" doc:"The FAL endpoint the node will call."`
	Images   int         `json:"images,omitempty" doc:"How many images it will request in all."`
	Plans    []PlanQuote `json:"plans,omitempty" doc:"One FAL request per distinct ratio: its size and count."`
	Unit     cost.Unit   `json:"unit,omitempty" doc:"What FAL bills the endpoint per." enum:"image,megapixel"`
	UnitUSD  float64     `json:"unit_usd,omitempty" doc:"The price of one unit, in US dollars."`
	Units    float64     `json:"units,omitempty" doc:"How many units the run will be billed."`
	Preview  bool        `json:"preview,omitempty" doc:"The local preview renders it: nothing is billed."`
}

// PlanQuote is one FAL request of a quote.
type PlanQuote struct {
	Ratio  string `json:"ratio" doc:"The aspect ratio generated."`
	Width  int    `json:"width" doc:"Each image's width, in pixels."`
	Height int    `json:"height" doc:"Each image's height, in pixels."`
	Images int    `json:"images"`
}
