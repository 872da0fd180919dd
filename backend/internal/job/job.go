// Package job names the unit of work the engine hands to its queue (one
// node execution) and the answers a job can give besides done or failed.
// It sits apart so the engine and the queue both use it without either
// depending on the other.
package job

import "time"

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
