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

// Canceller is implemented by executors that hold outside work between
// runs (a FAL request); the engine calls it when the run ends first.
type Canceller interface {
	CancelOutside(ctx context.Context, checkpoint json.RawMessage)
}
