// Package events carries every change of an execution or a node execution
// to whoever watches it: in-process subscribers, and other replicas through
// Postgres LISTEN/NOTIFY.
package events

import (
	"encoding/json"
	"sync"
	"time"
)

// Event is one state change. NodeID is empty for a change of the execution.
type Event struct {
	ExecutionID string          `json:"execution_id"`
	NodeID      string          `json:"node_id,omitempty"`
	Status      string          `json:"status"`
	Error       *string         `json:"error,omitempty"`
	Output      json.RawMessage `json:"output,omitempty"`
	Cost        *float64        `json:"cost,omitempty"`
	Time        time.Time       `json:"time"`
	// Truncated is set when Output was too large to carry; read the node
	// execution for it.
	Truncated bool `json:"truncated,omitempty"`
}

// Final reports whether the event ends its execution.
func (e Event) Final() bool {
	return e.NodeID == "" && (e.Status == "COMPLETED" || e.Status == "FAILED" || e.Status == "CANCELLED")
}

// Hub fans events out to in-process subscribers. A slow subscriber loses
// events rather than blocking the engine; it sees Dropped and re-reads state.
type Hub struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// Subscription receives the events of one execution ("" for all).
type Subscription struct {
	C           chan Event
	executionID string
	dropped     bool
	hub         *Hub
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{subs: map[*Subscription]struct{}{}}
}

// Subscribe starts receiving events of executionID ("" for every execution).
func (h *Hub) Subscribe(executionID string) *Subscription {
	s := &Subscription{C: make(chan Event, 256), executionID: executionID, hub: h}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	return s
}

// Close stops the subscription.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	delete(s.hub.subs, s)
	s.hub.mu.Unlock()
}

// Dropped reports whether an event was lost because the channel was full.
func (s *Subscription) Dropped() bool {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.dropped
}

// Deliver hands events to the matching subscribers without blocking.
func (h *Hub) Deliver(evs ...Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		for _, ev := range evs {
			if s.executionID != "" && s.executionID != ev.ExecutionID {
				continue
			}
			select {
			case s.C <- ev:
			default:
				s.dropped = true
			}
		}
	}
}
