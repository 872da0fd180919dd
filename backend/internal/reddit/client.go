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
	"regexp"
	"strconv"
	"time"
)

// Client calls reddit34 on RapidAPI.
type Client struct {
	BaseURL string // https://reddit34.p.rapidapi.com
	Host    string // X-RapidAPI-Host
	Key     string // RAPIDAPI_KEY
	HTTP    *http.Client
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

// Error is a failure that says whether a retry can help.
type Error struct {
	Message   string
	Retryable bool
}

// Error returns the message.
func (e *Error) Error() string { return "reddit: " + e.Message }

// subredditName is Reddit's rule: 2 to 21 letters, digits or underscores.
var subredditName = regexp.MustCompile(`^[A-Za-z0-9_]{2,21}$`)

// Sorts lists the accepted sort orders.
var Sorts = []string{"hot", "new", "rising", "top"}

// Validate checks a subreddit, sort and limit before any call.
func Validate(subreddit, sort string, limit int) error {
	if !subredditName.MatchString(subreddit) {
		return fmt.Errorf("subreddit %q is not a valid name (2 to 21 letters, digits or underscores, without r/)", subreddit)
	}
	switch sort {
	case "hot", "new", "rising", "top":
	default:
		return fmt.Errorf("sort must be hot, new, rising or top, got %q", sort)
	}
	if limit < 1 || limit > 100 {
		return fmt.Errorf("limit must be from 1 to 100, got %d", limit)
	}
	return nil
}

// Posts returns up to limit posts of a subreddit in the given sort ("top"
// uses the top-posts endpoint over the past week).
func (c *Client) Posts(ctx context.Context, subreddit, sort string, limit int) ([]Post, error) {
	if c.Key == "" {
		return nil, &Error{Message: "RAPIDAPI_KEY is not set: add your RapidAPI key to use social media nodes"}
	}
	if err := Validate(subreddit, sort, limit); err != nil {
		return nil, &Error{Message: err.Error()}
	}
	q := url.Values{"subreddit": {subreddit}}
	path := "/getPostsBySubreddit"
	if sort == "top" {
		path = "/getTopPostsBySubreddit"
		q.Set("time", "week")
	} else {
		q.Set("sort", sort)
	}
	var body struct {
		Success bool            `json:"success"`
		Data    json.RawMessage `json:"data"`
	}
	if err := c.get(ctx, path+"?"+q.Encode(), &body); err != nil {
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
	posts := make([]Post, 0, limit)
	for _, p := range data.Posts {
		if len(posts) == limit {
			break
		}
		posts = append(posts, p.Data)
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
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
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
