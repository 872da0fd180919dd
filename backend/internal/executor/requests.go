package executor

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Requests is the durable record of one node execution's outside requests,
// by slot (a request's place in the node's plan). It is append-only under
// compare-and-set: a node sends request k only after Claim(k) answered
// that this attempt claimed it, so a request is sent once per slot, ever,
// whatever other attempts (wakes, retries, rescues, other replicas) do at
// the same time. Save, Unclaim and End act only on the caller's own claim
// (or on an accepted request), never on a state an older read saw.
type Requests interface {
	// List reads the node execution's requests, by slot.
	List(ctx context.Context) ([]workflow.OutsideRequest, error)
	// Claim claims slot for a request to endpoint planned to cost
	// plannedUSD; mine says this attempt claimed it, else the slot's
	// current row is returned.
	Claim(ctx context.Context, slot int, endpoint string, plannedUSD float64) (o workflow.OutsideRequest, mine bool, err error)
	// Save records the handle of the request the service accepted in a slot
	// this attempt claimed; false: the claim was found stale and lost.
	Save(ctx context.Context, slot int, handle json.RawMessage) (bool, error)
	// Unclaim frees a slot this attempt claimed whose request the service
	// refused outright, so a retry may send it.
	Unclaim(ctx context.Context, slot int) error
	// Lose marks a claim of claimedBy older than stale LOST (its sender
	// stopped before it saved the handle); false: the claim is younger, or
	// its sender saved it meanwhile.
	Lose(ctx context.Context, slot int, claimedBy string, stale time.Duration) (bool, error)
	// End records the service's answer to a cancel of an accepted request.
	End(ctx context.Context, slot int, answer string) error
	// Live reports whether the node's run is still going, read after what
	// the caller saved before: a run's end that began earlier cancels what
	// was saved, or this read sees that it ended.
	Live(ctx context.Context) (bool, error)
}

// ErrRunEnded says the node's run ended (a cancel, a sibling's failure)
// before the node could send or reserve anything: the node stops, and
// whoever ended the run recorded its state.
var ErrRunEnded = errors.New("the run ended")

// MemoryRequests is Requests in memory, with the same compare-and-set
// rules, for one process's tests and tools.
type MemoryRequests struct {
	token string
	*memoryRows
}

// memoryRows are the rows every view of one MemoryRequests shares.
type memoryRows struct {
	mu    sync.Mutex
	rows  map[int]workflow.OutsideRequest
	ended bool
}

// NewMemoryRequests returns an empty record whose claims are made as one
// attempt (token).
func NewMemoryRequests(token string) *MemoryRequests {
	return &MemoryRequests{token: token, memoryRows: &memoryRows{rows: map[int]workflow.OutsideRequest{}}}
}

// As returns a view of the same record whose claims are another attempt's.
func (m *MemoryRequests) As(token string) *MemoryRequests {
	return &MemoryRequests{token: token, memoryRows: m.memoryRows}
}

// List reads the requests by slot.
func (m *MemoryRequests) List(context.Context) ([]workflow.OutsideRequest, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []workflow.OutsideRequest
	for slot := 0; len(out) < len(m.rows) && slot < 64; slot++ {
		if o, ok := m.rows[slot]; ok {
			out = append(out, o)
		}
	}
	return out, nil
}

// Claim claims slot unless it is claimed.
func (m *MemoryRequests) Claim(_ context.Context, slot int, endpoint string, usd float64) (workflow.OutsideRequest, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if o, ok := m.rows[slot]; ok {
		return o, false, nil
	}
	o := workflow.OutsideRequest{Slot: slot, Endpoint: endpoint, State: workflow.RequestSubmitting, PlannedUSD: &usd,
		ClaimedBy: m.token, ClaimedAt: time.Now()}
	m.rows[slot] = o
	return o, true, nil
}

// Save records the handle on this attempt's claim.
func (m *MemoryRequests) Save(_ context.Context, slot int, handle json.RawMessage) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.rows[slot]
	if !ok || o.ClaimedBy != m.token || o.State != workflow.RequestSubmitting {
		return false, nil
	}
	o.State, o.Handle = workflow.RequestSubmitted, handle
	m.rows[slot] = o
	return true, nil
}

// Unclaim frees this attempt's claim.
func (m *MemoryRequests) Unclaim(_ context.Context, slot int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if o, ok := m.rows[slot]; ok && o.ClaimedBy == m.token && o.State == workflow.RequestSubmitting {
		delete(m.rows, slot)
	}
	return nil
}

// Lose marks claimedBy's claim LOST when it is older than stale.
func (m *MemoryRequests) Lose(_ context.Context, slot int, claimedBy string, stale time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.rows[slot]
	if !ok || o.ClaimedBy != claimedBy || o.State != workflow.RequestSubmitting || time.Since(o.ClaimedAt) < stale {
		return false, nil
	}
	o.State = workflow.RequestLost
	m.rows[slot] = o
	return true, nil
}

// Live says the run goes on unless End was called with Ended.
func (m *MemoryRequests) Live(context.Context) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return !m.ended, nil
}

// EndRun marks the record's run ended (for tests of what follows).
func (m *MemoryRequests) EndRun() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ended = true
}

// End records a cancel's answer on an accepted request.
func (m *MemoryRequests) End(_ context.Context, slot int, answer string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if o, ok := m.rows[slot]; ok && o.State == workflow.RequestSubmitted {
		o.State, o.Answer = workflow.RequestCancelled, &answer
		m.rows[slot] = o
	}
	return nil
}
