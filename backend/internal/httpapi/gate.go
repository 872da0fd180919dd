package httpapi

import (
	"context"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// gate bounds costly work (drawing previews, checking and pricing unsaved
// graphs): a few at a time in the process, and one at a time per user, so
// no user holds every slot and the others take turns.
type gate struct {
	slots chan struct{}
	what  string
	mu    sync.Mutex
	users map[string]chan struct{} // one small channel per user who ever entered
}

// newGate lets slots pieces of work of what run at once.
func newGate(slots int, what string) *gate {
	return &gate{slots: make(chan struct{}, max(slots, 1)), what: what, users: map[string]chan struct{}{}}
}

// enter waits for user's turn and a free slot, or answers 429 when ctx
// ends first; it returns the release.
func (g *gate) enter(ctx context.Context, user string) (func(), error) {
	g.mu.Lock()
	turn, ok := g.users[user]
	if !ok {
		turn = make(chan struct{}, 1)
		g.users[user] = turn
	}
	g.mu.Unlock()
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return nil, fault.TooMany("your %s are queued too long; ask again", g.what)
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots; <-turn }, nil
	case <-ctx.Done():
		<-turn
		return nil, fault.TooMany("the server is busy with many %s; ask again", g.what)
	}
}
