package httpapi

import (
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// streams counts the open event streams, per user and in all, so no user
// (and no crowd) can hold every connection of the process.
type streams struct {
	mu              sync.Mutex
	perUser         map[string]int
	total           int
	maxUser, maxAll int
}

// newStreams bounds streams per user and per process.
func newStreams(maxUser, maxAll int) *streams {
	return &streams{perUser: map[string]int{}, maxUser: maxUser, maxAll: maxAll}
}

// acquire opens a stream for user; the returned func closes it.
func (s *streams) acquire(user string) (func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.perUser[user] >= s.maxUser {
		return nil, fault.TooMany("you have %d live views open; close some tabs", s.maxUser)
	}
	if s.total >= s.maxAll {
		return nil, fault.TooMany("the server is following too many live views; try again shortly")
	}
	s.perUser[user]++
	s.total++
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.total--
		if s.perUser[user]--; s.perUser[user] == 0 {
			delete(s.perUser, user)
		}
	}, nil
}
