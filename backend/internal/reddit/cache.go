package reddit

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// maxPosts bounds the posts kept of one page (the schema's largest limit).
const maxPosts = 100

// maxEntries bounds the pages cached (each at most maxPosts cleaned posts,
// a few hundred kilobytes at worst).
const maxEntries = 256

// cache keeps recent pages by query key, shared by every user, and makes
// concurrent reads of the same page one call. Failures are not kept.
type cache struct {
	mu     sync.Mutex
	pages  map[string]entry
	flight singleflight.Group
}

// entry is one cached page and when it stops being used.
type entry struct {
	posts   []Post
	expires time.Time
}

// get returns the page under key, reading it with fetch when it is not
// cached or older than ttl (ttl 0: always read).
func (c *cache) get(ctx context.Context, key string, ttl time.Duration, fetch func(context.Context) ([]Post, error)) ([]Post, error) {
	if ttl <= 0 {
		return fetch(ctx)
	}
	c.mu.Lock()
	e, ok := c.pages[key]
	c.mu.Unlock()
	if ok && time.Now().Before(e.expires) {
		return e.posts, nil
	}
	// The call is shared, so it does not end with the caller that started
	// it; each caller stops waiting when its own context ends.
	shared := context.WithoutCancel(ctx)
	ch := c.flight.DoChan(key, func() (any, error) {
		posts, err := fetch(shared)
		if err == nil {
			c.put(key, entry{posts: posts, expires: time.Now().Add(ttl)})
		}
		return posts, err
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.([]Post), nil
	}
}

// put stores a page, first dropping expired pages and, if still full, the
// one that expires soonest.
func (c *cache) put(key string, e entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]entry{}
	}
	if len(c.pages) >= maxEntries {
		now, soonest := time.Now(), ""
		for k, old := range c.pages {
			if now.After(old.expires) {
				delete(c.pages, k)
			} else if soonest == "" || old.expires.Before(c.pages[soonest].expires) {
				soonest = k
			}
		}
		if len(c.pages) >= maxEntries {
			delete(c.pages, soonest)
		}
	}
	c.pages[key] = e
}

// quotaUsedUp tells a plan's used-up quota from a per-second rate limit:
// RapidAPI says so in the message ("You have exceeded the MONTHLY quota for
// Requests on your current plan"), with 429 and sometimes 403, and reports
// no requests remaining in x-ratelimit-requests-remaining.
func quotaUsedUp(body []byte, h http.Header) bool {
	return strings.Contains(strings.ToLower(rapidMessage(body)), "quota") || h.Get("X-Ratelimit-Requests-Remaining") == "0"
}

// rapidMessage is RapidAPI's {"message"} of an error answer, bounded.
func rapidMessage(body []byte) string {
	var e struct {
		Message string `json:"message"`
	}
	_ = json.Unmarshal(body, &e)
	if r := []rune(e.Message); len(r) > 200 {
		return string(r[:200])
	}
	return e.Message
}
