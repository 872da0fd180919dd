// Package reddit reads what is trending on a subreddit through the RapidAPI
// "reddit34" API, and extracts the recurring topics of the posts.
package reddit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// Client calls reddit34 on RapidAPI. One client serves every user: its
// answers are kept for CacheFor (the posts are public, and plans are small).
type Client struct {
	BaseURL string // https://reddit34.p.rapidapi.com
	Host    string // X-RapidAPI-Host
	Key     string // RAPIDAPI_KEY
	// CacheFor is how long a subreddit's answer is reused; 0 calls every time.
	CacheFor time.Duration
	cache    cache
}

// Post is one post as the product shows it.
type Post struct {
	Title       string  `json:"title"`
	Score       int     `json:"score"`
	URL         string  `json:"url"`
	NumComments int     `json:"num_comments"`
	Permalink   string  `json:"permalink"`
	CreatedUTC  float64 `json:"created_utc"`
	Author      string  `json:"author"`
}

// cleaned drops from a post's text what a database refuses or a prompt
// should not carry: NUL and other control characters (newlines and tabs
// become spaces), and caps each text's length.
func (p Post) cleaned() Post {
	clean := func(s string, max int) string {
		s = strings.Map(func(r rune) rune {
			switch {
			case r == '\n' || r == '\t' || r == '\r':
				return ' '
			case unicode.IsControl(r) || r == utf8.RuneError:
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		if utf8.RuneCountInString(s) > max {
			s = string([]rune(s)[:max])
		}
		return s
	}
	p.Title, p.URL, p.Permalink, p.Author = clean(p.Title, 500), clean(p.URL, 2000), clean(p.Permalink, 2000), clean(p.Author, 100)
	return p
}

// Error is a failure that says whether a retry can help. It unwraps to a
// coded error: unavailable when no key is set, upstream otherwise.
type Error struct {
	Message   string
	Retryable bool
	NoKey     bool
	Quota     bool // the plan's monthly (or daily) quota is used up
}

// Error returns the message.
func (e *Error) Error() string { return "reddit: " + e.Message }

// Unwrap gives the failure its code.
func (e *Error) Unwrap() error {
	if e.NoKey {
		return fault.Unavailable(e.Message, nil)
	}
	return fault.Upstream(e.Message)
}

// Query is what to read: the brief's {subreddit, sort, limit}, plus the
// period of "top". Its tags are the one home of these rules (the
// SOCIAL_MEDIA node's config and the /api/social/reddit body both embed it,
// and both are validated from it). The sorts and periods are the ones
// reddit34 documents: getPostsBySubreddit takes sort "new" or "hot", and
// getTopPostsBySubreddit takes time hour|day|week|month|year|all
// (shared/protocols.md).
type Query struct {
	Subreddit string `json:"subreddit" title:"Subreddit" pattern:"^[A-Za-z0-9_]{2,21}$" patternDescription:"a subreddit name: 2 to 21 letters, digits or underscores, without r/"`
	Sort      string `json:"sort,omitempty" title:"Sort" enum:"hot,new,top" default:"hot"`
	Time      string `json:"time,omitempty" title:"Top of the past" doc:"With sort top: the period." enum:"hour,day,week,month,year,all" default:"week"`
	Limit     int    `json:"limit,omitempty" title:"Posts" doc:"How many posts to read (at most one page of the API)." minimum:"1" maximum:"100" default:"10"`
}

// Posts returns up to q.Limit posts of a subreddit in q.Sort, from the
// cache when the same subreddit, sort and period were read within
// CacheFor. q must be validated by its schema.
func (c *Client) Posts(ctx context.Context, q Query) ([]Post, error) {
	if c.Key == "" {
		return nil, &Error{Message: "RAPIDAPI_KEY is not set: add your RapidAPI key to use social media nodes", NoKey: true}
	}
	page, err := c.cache.get(ctx, q.key(), c.CacheFor, func(ctx context.Context) ([]Post, error) { return c.page(ctx, q) })
	if err != nil {
		return nil, err
	}
	if len(page) > q.Limit {
		page = page[:q.Limit]
	}
	return page, nil
}

// key names what a query reads, whatever its limit (which only cuts it).
func (q Query) key() string {
	k := strings.ToLower(q.Subreddit) + "|" + q.Sort
	if q.Sort == "top" {
		k += "|" + q.Time
	}
	return k
}

// page reads one page of posts: the newest, the hottest, or the top of a
// period.
func (c *Client) page(ctx context.Context, q Query) ([]Post, error) {
	subreddit := q.Subreddit
	params := url.Values{"subreddit": {subreddit}}
	path := "/getPostsBySubreddit"
	if q.Sort == "top" {
		path = "/getTopPostsBySubreddit"
		params.Set("time", q.Time)
	} else {
		params.Set("sort", q.Sort)
	}
	var body struct {
		Success bool            `json:"success"`
		Data    json.RawMessage `json:"data"`
	}
	if err := c.get(ctx, path+"?"+params.Encode(), &body); err != nil {
		return nil, err
	}
	var data struct {
		Posts []struct {
			Data Post `json:"data"`
		} `json:"posts"`
	}
	if !body.Success || json.Unmarshal(body.Data, &data) != nil {
		return nil, &Error{Message: fmt.Sprintf("r/%s could not be read (the API answered success: false); check the subreddit exists", subreddit)}
	}
	posts := make([]Post, 0, min(len(data.Posts), maxPosts))
	for _, p := range data.Posts {
		if len(posts) == maxPosts {
			break
		}
		posts = append(posts, p.Data.cleaned())
	}
	return posts, nil
}

// get calls path with the RapidAPI headers, retrying 429 and 5xx twice
// (honouring Retry-After), and decodes the JSON answer.
func (c *Client) get(ctx context.Context, path string, out any) error {
	for attempt := 0; ; attempt++ {
		ctx1, cancel := context.WithTimeout(ctx, 20*time.Second)
		err, wait := c.once(ctx1, path, out)
		cancel()
		var re *Error
		if err == nil || !errors.As(err, &re) || !re.Retryable || attempt == 2 || ctx.Err() != nil {
			return err
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait+time.Second {
			return &Error{Message: fmt.Sprintf("%s, and asks to wait %s, longer than the node has left", re.Message, wait.Round(time.Second))}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// once makes one call; it returns how long to wait before a retry.
func (c *Client) once(ctx context.Context, path string, out any) (error, time.Duration) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+path, nil)
	if err != nil {
		return err, 0
	}
	req.Header.Set("X-RapidAPI-Key", c.Key)
	req.Header.Set("X-RapidAPI-Host", c.Host)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return &Error{Message: "RapidAPI did not answer in time", Retryable: true}, time.Second
		}
		return &Error{Message: "RapidAPI could not be reached: " + err.Error(), Retryable: true}, time.Second
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		return &Error{Message: "reading the answer: " + err.Error(), Retryable: true}, time.Second
	}
	wait := time.Second
	if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil {
		wait = time.Duration(s) * time.Second
	}
	switch {
	case (res.StatusCode == 429 || res.StatusCode == 403) && quotaUsedUp(b, res.Header):
		return &Error{Message: "the RapidAPI plan's request quota for reddit34 is used up (" + rapidMessage(b) + "); it renews with the plan's period, or upgrade the plan", Quota: true}, 0
	case res.StatusCode == 401 || res.StatusCode == 403:
		return &Error{Message: "RapidAPI refused the key (check RAPIDAPI_KEY and that it is subscribed to reddit34)"}, 0
	case res.StatusCode == 404:
		return &Error{Message: "the subreddit was not found"}, 0
	case res.StatusCode == 429:
		return &Error{Message: "RapidAPI's rate limit was reached; try again later", Retryable: true}, wait
	case res.StatusCode >= 500:
		return &Error{Message: fmt.Sprintf("RapidAPI failed (HTTP %d)", res.StatusCode), Retryable: true}, wait
	case res.StatusCode/100 != 2:
		return &Error{Message: fmt.Sprintf("RapidAPI answered HTTP %d", res.StatusCode)}, 0
	}
	if err := json.Unmarshal(b, out); err != nil {
		return &Error{Message: "RapidAPI's answer is not valid JSON"}, 0
	}
	return nil, 0
}
