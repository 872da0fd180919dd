// Package executor runs the nodes of a workflow: one executor per node
// type, each declaring its config as a typed struct (the one home of its
// schema, defaults and limits), an explicit registry, and the catalog the
// editor builds its palette and forms from.
package executor

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Executor is what the engine runs for one node type. Node types are
// written as a Node[C] with a typed config and wrapped by Typed.
type Executor interface {
	// Spec describes the node type for the catalog.
	Spec() Spec
	// Check validates a config before a run (when the graph is saved and
	// when a run starts) and returns it normalised (defaults filled); the
	// fields' locations are relative to the config.
	Check(config json.RawMessage, w Wiring) (json.RawMessage, []fault.Field)
	// Run does the node's work. It must honour ctx (cancellation reaches
	// outside calls through it) and return a Retryable error for failures
	// a retry can fix.
	Run(ctx context.Context, r *Run) (*Result, error)
	// Estimate is what one run of the config will cost (0 for free nodes).
	Estimate(config json.RawMessage, w Wiring) (float64, error)
	// CancelOutside releases outside work a node left running when its run
	// ended first (a FAL request); most node types hold none.
	CancelOutside(ctx context.Context, checkpoint json.RawMessage)
}

// Wiring says which inputs a node will receive (by input key), as the edges
// into it tell before a run and its gathered inputs tell during one. Checks
// that depend on what is connected (an image model with a photo uses another
// endpoint) read it.
type Wiring map[string]bool

// Has reports whether input name is connected.
func (w Wiring) Has(name string) bool { return w[name] }

// wiringOf is the wiring of a running node: the keys of its inputs.
func wiringOf(inputs map[string]any) Wiring {
	w := make(Wiring, len(inputs))
	for k := range inputs {
		w[k] = true
	}
	return w
}

// Run is everything one node execution gets.
type Run struct {
	ExecutionID string
	NodeID      string
	NodeName    string
	// Inputs are the merged outputs of the node's sources, plus each source
	// under its edge's target handle and under the source node's name.
	Inputs map[string]any
	Config json.RawMessage
	// Checkpoint is what SaveCheckpoint stored in an earlier attempt of this
	// same node execution, or nil.
	Checkpoint json.RawMessage
	// SaveCheckpoint durably stores state a retry needs (a FAL request id)
	// before the executor waits on something slow or paid.
	SaveCheckpoint func(ctx context.Context, state json.RawMessage) error
}

// Result is a node's output and, for image models, the generation to record.
type Result struct {
	Output     map[string]any
	Generation *workflow.Generation
}

// Error is an executor failure that says whether a retry can help.
type Error struct {
	Retryable bool
	Err       error
}

// Error returns the message of the underlying error.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Retryable marks err as worth retrying (a 429, a 503, a timeout).
func Retryable(err error) error { return &Error{Retryable: true, Err: err} }

// IsRetryable reports whether err was marked retryable.
func IsRetryable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Retryable
}
