package executor

import "sync"

// Shared is what the nodes of one run's precheck share (Run.Shared): a
// value per key, made once by the first node that asks, so many nodes
// that ask the same question (Outputs of one layout) answer it once.
type Shared struct {
	mu   sync.Mutex
	vals map[string]any
}

// NewShared returns an empty Shared.
func NewShared() *Shared { return &Shared{vals: map[string]any{}} }

// Value is the value under key, made by build the first time it is asked
// for. On a nil Shared (outside a precheck) build is called each time.
func (s *Shared) Value(key string, build func() any) any {
	if s == nil {
		return build()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.vals[key]
	if !ok {
		v = build()
		s.vals[key] = v
	}
	return v
}
