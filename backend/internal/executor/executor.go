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
	// Estimate is what one run of the config will cost (0 for free nodes)
	// and, for nodes that generate, what they will generate.
	Estimate(config json.RawMessage, w Wiring) (Quote, error)
	// Outside is how the engine stops the outside work a node left running
	// when its run ended first (a FAL request); nil for node types that
	// send no outside requests.
	Outside() Outsider
}

// Run is everything one node execution gets.
type Run struct {
	ExecutionID string
	// Owner is the id of the user whose workflow runs.
	Owner    string
	NodeID   string
	NodeName string
	// Inputs are the merged outputs of the node's sources, plus each source
	// under its edge's target handle and under the source node's name.
	Inputs map[string]any
	// Shapes are the image shapes the nodes this one feeds ask for (the
	// Output's ratio or placements, for an image model that matches them).
	Shapes []string
	Config json.RawMessage
	// Requests is the durable record of the requests this node execution
	// sent to outside services (FAL), by slot: a node claims a slot before
	// it sends a request, so no attempt sends one twice (nil: none may be
	// sent, as in an estimate).
	Requests Requests
	// Report shows how outside work is going (nil: nobody listens). It may
	// be called after Run returned, from a watcher.
	Report func(workflow.Progress)
	// Reserve sets usd aside from the owner's monthly budget before paid
	// work for model starts (nil: no budget applies); it fails when the
	// budget cannot cover it. Once the outside service accepted a request
	// (Requests has its slot), what it was planned to cost is spent unless
	// the node records its actual cost.
	Reserve func(ctx context.Context, usd float64, model string) error
	// Deliver counts finals final ads of bytes bytes against the run's
	// limits before they are written (nil: no limit applies); it fails,
	// naming the limit, when the run would pass one.
	Deliver func(ctx context.Context, finals int, bytes int64) error
	// Shared is what the nodes of one precheck share (nil in a run).
	Shared *Shared
}

// report passes p to Report when someone listens.
func (r *Run) report(p workflow.Progress) {
	if r.Report != nil {
		r.Report(p)
	}
}

// Result is a node's output and, for image models, the generations to
// record (one per FAL request). The engine notes what the node computed
// from (its signature) and, for a reused result, whose output it is.
type Result struct {
	Output      map[string]any
	Generations []*workflow.Generation
	// Finals are the final ads the node delivered, as records (Outputs).
	Finals     []workflow.Final `json:",omitempty"`
	Signature  string           `json:",omitempty"`
	ReusedFrom string           `json:",omitempty"`
	// Delivers says a reused result is an Output's, whose finals the run
	// records again (the same files).
	Delivers bool `json:",omitempty"`
}

// Error is an executor failure that says whether a retry can help, and
// what it cost when the failure was paid for (FAL billed images it then
// withheld): the engine records that generation with the failure.
type Error struct {
	Retryable   bool
	Err         error
	Generations []*workflow.Generation
}

// Error returns the message of the underlying error.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Retryable marks err as worth retrying (a 429, a 503, a timeout).
func Retryable(err error) error { return &Error{Retryable: true, Err: err} }

// PaidFailure is a final failure that still cost money: gen is recorded
// with it, so the run's cost says what was spent.
func PaidFailure(err error, gens []*workflow.Generation) error {
	return &Error{Err: err, Generations: gens}
}

// PaidFor returns the generations a failure cost, if any.
func PaidFor(err error) []*workflow.Generation {
	var e *Error
	if errors.As(err, &e) {
		return e.Generations
	}
	return nil
}

// IsRetryable reports whether err was marked retryable.
func IsRetryable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Retryable
}
