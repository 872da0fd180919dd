// Package executor runs the nodes of a workflow: one executor per node
// type, an explicit registry, and the catalog the UI builds its palette from.
package executor

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Executor runs one node type.
type Executor interface {
	// Type is the node type this executor runs.
	Type() workflow.NodeType
	// Run does the node's work. It must honour ctx (cancellation reaches
	// outside calls through it) and return a *Error for failures a retry
	// can fix.
	Run(ctx context.Context, r *Run) (*Result, error)
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
