// Package job names the unit of work the engine hands to its queue (one
// node execution) and the answers a job can give besides done or failed.
// It sits apart so the engine and the queue both use it without either
// depending on the other.
package job

import (
	"context"
	"time"
)

// Job names one node execution to run.
type Job struct {
	ExecutionID string `json:"execution_id"`
	NodeID      string `json:"node_id"`
}

// Snooze is a job's answer when its node waits on an outside service: run
// it again after After, without counting an attempt.
type Snooze struct{ After time.Duration }

// Error describes the wait.
func (s Snooze) Error() string { return "waiting " + s.After.String() }

// Retry is a job's answer when its node failed in a way a retry can fix.
type Retry struct{ Err error }

// Error returns the message of the retryable failure.
func (r Retry) Error() string { return "retrying: " + r.Err.Error() }

// Unwrap returns the failure.
func (r Retry) Unwrap() error { return r.Err }

// wakeKey is the context key of a job's waker.
type wakeKey struct{}

// WithWaker gives a running job a way to be run again at once after it
// snoozes (when what it waits for is done).
func WithWaker(ctx context.Context, wake func()) context.Context {
	return context.WithValue(ctx, wakeKey{}, wake)
}

// Waker returns the running job's waker, or a no-op.
func Waker(ctx context.Context) func() {
	if w, ok := ctx.Value(wakeKey{}).(func()); ok {
		return w
	}
	return func() {}
}
