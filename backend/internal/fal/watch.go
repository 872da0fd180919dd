package fal

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// watchPoll is how often Watch checks the status when FAL's status stream
// is unavailable.
const watchPoll = 250 * time.Millisecond

// Status is where a request stands: IN_QUEUE (with its place in FAL's
// queue), IN_PROGRESS or COMPLETED.
type Status struct {
	Status        string `json:"status"`
	QueuePosition *int   `json:"queue_position,omitempty"`
}

// Watch calls done once the request has finished (or failed, or cannot be
// followed), learning of it through FAL's status stream, which reports each
// change as it happens (GET {status_url}/stream, Server-Sent Events whose
// data lines are status objects; FAL closes it after COMPLETED); each
// status on the way goes to seen (nil: none). If the stream cannot be
// opened or breaks, it polls the status instead. It holds no worker: it is
// a goroutine with one open request.
func (c *Client) Watch(ctx context.Context, h Handle, seen func(Status), done func()) {
	if seen == nil {
		seen = func(Status) {}
	}
	go func() {
		defer done()
		if c.stream(ctx, h, seen) {
			return
		}
		tick := time.NewTicker(watchPoll)
		defer tick.Stop()
		for {
			var st Status
			_, err := c.do(ctx, http.MethodGet, h.StatusURL, nil, statusRetry, &st)
			if err != nil || (st.Status != "IN_QUEUE" && st.Status != "IN_PROGRESS") {
				return
			}
			seen(st)
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
}

// stream follows the status stream until the request leaves the queue and
// its run; it reports false when the stream could not tell (then poll).
func (c *Client) stream(ctx context.Context, h Handle, seen func(Status)) bool {
	url := strings.TrimSuffix(h.StatusURL, "/") + "/stream"
	if c.ours(url) != nil {
		return false
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"?logs=0", nil)
	if err != nil {
		return false
	}
	req.Header.Set("Authorization", "Key "+c.Key)
	req.Header.Set("Accept", "text/event-stream")
	res, err := (&http.Client{}).Do(req) // no overall timeout: a generation may take minutes
	if err != nil {
		return false
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return false
	}
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data:")
		if !ok {
			continue // comments (keep-alives), event names, blank lines
		}
		var st Status
		if json.Unmarshal([]byte(strings.TrimSpace(data)), &st) != nil {
			continue
		}
		if st.Status != "IN_QUEUE" && st.Status != "IN_PROGRESS" {
			return true
		}
		seen(st)
	}
	return false
}
