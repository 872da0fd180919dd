package httpapi

import (
	"sync"

	"golang.org/x/time/rate"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// maxLimited bounds how many users' limiters are kept; past it they are
// dropped and start again full (a burst is all that can be gained).
const maxLimited = 10_000

// perUser rate-limits one kind of costly request per user: perMinute a
// minute, in bursts of at most a tenth of that (at least one).
type perUser struct {
	mu        sync.Mutex
	byUser    map[string]*rate.Limiter
	perMinute int
	what      string
}

// newPerUser limits what (for the message) to perMinute per user.
func newPerUser(perMinute int, what string) *perUser {
	return &perUser{byUser: map[string]*rate.Limiter{}, perMinute: max(perMinute, 1), what: what}
}

// allow takes one request of user, or answers 429 naming the rate.
func (p *perUser) allow(user string) error {
	p.mu.Lock()
	l := p.byUser[user]
	if l == nil {
		if len(p.byUser) >= maxLimited {
			p.byUser = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(rate.Limit(float64(p.perMinute)/60), max(p.perMinute/10, 1))
		p.byUser[user] = l
	}
	p.mu.Unlock()
	if !l.Allow() {
		return fault.TooMany("you asked for %s more than %d times a minute; wait a moment", p.what, p.perMinute)
	}
	return nil
}
