package executor

import (
	"context"
	"encoding/json"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// Decoded is one node's config read once: what a node asks of the nodes
// around it and what it may make, known from the config alone. A run plan
// decodes each node's config once and binds it to its wiring once; every
// later question (validation, pricing, prediction, the run itself) reads
// the result.
type Decoded interface {
	// AskedShapes are the image shapes the node asks the nodes feeding it
	// for (none for an invalid config).
	AskedShapes() []string
	// MostFinals is the most final ads the node may deliver (0: none, or
	// an invalid config).
	MostFinals() int
	// ReuseFor says whether the node may reuse an earlier output, and how
	// old (0: any age).
	ReuseFor() (ok bool, maxAge time.Duration)
	// Precheck says, before a run, whether the node will fail with r's
	// inputs (nil when it cannot tell).
	Precheck(ctx context.Context, r *Run) error
	// Bind checks the config against the node's wiring (its connections
	// and the shapes the nodes it feeds ask for).
	Bind(w Wiring) Bound
}

// Bound is a node's config decoded and checked against its wiring: what a
// run of it will cost, send and warn of, and the run itself.
type Bound interface {
	Decoded
	// Errors are the config's problems (nil: valid); locations are
	// relative to the config.
	Errors() []fault.Field
	// Normalised is the config with defaults filled and keys in a fixed
	// order (nil for an invalid config).
	Normalised() json.RawMessage
	// Estimate is what one run will cost and generate.
	Estimate() (Quote, error)
	// Warnings are a valid config's likely problems.
	Warnings() []fault.Field
	// Plan lists the outside requests a run with r's inputs and shapes
	// would send (ok false: none, or it cannot tell).
	Plan(r *Run) (reqs []PlannedRequest, ok bool)
	// Run does the node's work with r.
	Run(ctx context.Context, r *Run) (*Result, error)
}

// decoder is implemented by executors that decode a config once (Typed).
type decoder interface {
	Decode(config json.RawMessage) Decoded
}

// Decode reads node config for ex once. An executor written without a
// typed config is asked each question with the raw config instead.
func Decode(ex Executor, config json.RawMessage) Decoded {
	if d, ok := ex.(decoder); ok {
		return d.Decode(config)
	}
	return loose{ex: ex, config: config}
}
