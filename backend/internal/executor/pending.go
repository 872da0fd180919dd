package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Pending tells the engine that the node waits on an outside service: its
// state is checkpointed, and the node is run again after After. Jobs stay
// short, so one abandoned by a killed process is taken over quickly.
type Pending struct{ After time.Duration }

// Error describes the wait.
func (p *Pending) Error() string { return fmt.Sprintf("waiting; run again in %s", p.After) }

// Wait returns a Pending error.
func Wait(after time.Duration) error { return &Pending{After: after} }

// IsPending reports whether err asks to run the node again, and when.
func IsPending(err error) (time.Duration, bool) {
	var p *Pending
	if errors.As(err, &p) {
		return p.After, true
	}
	return 0, false
}

// Outsider stops the outside work of node types that send requests to
// outside services (FAL) and may leave them running when their run ends
// first. Any process may call it: what it needs is in the request's handle.
type Outsider interface {
	// CancelOutside cancels one accepted request at its service (handle as
	// saved in Requests) and answers what the service said.
	CancelOutside(ctx context.Context, handle json.RawMessage) (string, error)
	// StopWatching stops this process's watchers of a run's requests
	// (nobody waits for them any more).
	StopWatching(executionID string)
}
