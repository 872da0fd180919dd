package events

import "sync"

// Hub fans events out to in-process subscribers. A slow subscriber loses
// events rather than blocking the engine; it re-reads state when it must.
type Hub struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// Subscription receives the events of one execution ("" for all), or the
// execution events of one workflow's runs.
type Subscription struct {
	C           chan Event
	executionID string
	workflowID  string
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

// SubscribeWorkflow starts receiving the execution events (runs starting,
// pausing, ending) of workflowID's runs.
func (h *Hub) SubscribeWorkflow(workflowID string) *Subscription {
	s := &Subscription{C: make(chan Event, 256), workflowID: workflowID, hub: h}
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

// Deliver hands events to the matching subscribers without blocking.
func (h *Hub) Deliver(evs ...Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		for _, ev := range evs {
			if s.workflowID != "" && s.workflowID != ev.WorkflowID || s.executionID != "" && s.executionID != ev.ExecutionID {
				continue
			}
			select {
			case s.C <- ev:
			default:
			}
		}
	}
}
