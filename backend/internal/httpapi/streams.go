package httpapi

import (
	"context"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// streams counts the open event streams, per user and in all, so no user
// (and no crowd) can hold every connection of the process: each user may
// hold maxUser, and when the process holds maxAll, a user with fewer
// streams takes the oldest stream of the user with the most (it ends; its
// browser reconnects when the share allows), so every user gets a fair
// share of the process.
type streams struct {
	mu              sync.Mutex
	perUser         map[string][]*openStream // oldest first
	total           int
	maxUser, maxAll int
	gauge           Gauge // told total as it changes, or nil
}

// Gauge is told a number as it changes (how many event streams are open);
// a Prometheus gauge is one.
type Gauge interface{ Set(float64) }

// openStream is one open stream and how to end it.
type openStream struct{ stop context.CancelFunc }

// newStreams bounds streams per user and per process, telling gauge (if
// not nil) how many are open.
func newStreams(maxUser, maxAll int, gauge Gauge) *streams {
	return &streams{perUser: map[string][]*openStream{}, maxUser: maxUser, maxAll: maxAll, gauge: gauge}
}

// acquire opens a stream for user, ended early through stop when a user
// with fewer streams needs its place; the returned func closes it.
func (s *streams) acquire(user string, stop context.CancelFunc) (func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.perUser[user]) >= s.maxUser {
		return nil, fault.TooMany("you have %d live views open; close some tabs", s.maxUser)
	}
	if s.total >= s.maxAll && !s.evictFor(user) {
		return nil, fault.TooMany("the server is following too many live views; try again shortly")
	}
	o := &openStream{stop: stop}
	s.perUser[user] = append(s.perUser[user], o)
	s.total++
	s.report()
	return func() { s.release(user, o) }, nil
}

// evictFor ends the oldest stream of the user holding the most, when that
// is more than user holds after one more: it reports whether it made room.
func (s *streams) evictFor(user string) bool {
	heaviest, most := "", 0
	for u, list := range s.perUser {
		if len(list) > most {
			heaviest, most = u, len(list)
		}
	}
	if heaviest == "" || heaviest == user || most <= len(s.perUser[user])+1 {
		return false
	}
	victim := s.perUser[heaviest][0]
	victim.stop()
	s.remove(heaviest, victim)
	return true
}

// release closes o (once; an evicted stream was removed already).
func (s *streams) release(user string, o *openStream) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.remove(user, o)
}

// remove forgets o, if it is still open.
func (s *streams) remove(user string, o *openStream) {
	list := s.perUser[user]
	for i, x := range list {
		if x == o {
			s.perUser[user] = append(list[:i:i], list[i+1:]...)
			s.total--
			s.report()
			if len(s.perUser[user]) == 0 {
				delete(s.perUser, user)
			}
			return
		}
	}
}

// report tells the gauge how many streams are open (the caller holds s.mu).
func (s *streams) report() {
	if s.gauge != nil {
		s.gauge.Set(float64(s.total))
	}
}
