package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// TestAPIWholeProduct drives the product over HTTP, on SQLite and Postgres,
// with fake FAL and RapidAPI: build, estimate, run to a breakpoint, step,
// follow the event stream, read back costs and images.
func TestAPIWholeProduct(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			falSrv, redditSrv := faltest.New(), reddittest.New("rk")
			t.Cleanup(falSrv.Close)
			t.Cleanup(redditSrv.Close)
			env := map[string]string{"FAL_KEY": "fk", "FAL_QUEUE_BASE_URL": falSrv.URL, "RAPIDAPI_KEY": "rk", "ALLOW_PRIVATE_DOWNLOADS": "true",
				"RAPIDAPI_REDDIT_BASE_URL": redditSrv.URL}
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}

			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "Spring sale"}, &w))
			id := w["id"].(string)
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", adGraph(), &w), w)
			require.Len(t, w["nodes"], 5)
			var est obj
			require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/estimate", nil, &est))
			require.InDelta(t, 0.006, est["total_cost"], 1e-9)

			var x obj
			require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", nil, &x))
			xid := x["execution_id"].(string)
			paused := c.waitStatus(xid, "PAUSED")
			require.Equal(t, "0190a1b2-0000-7000-8000-000000000004", paused["current_node_id"])

			events := openEvents(t, c, xid)
			var st obj
			require.Equal(t, 200, c.call("POST", "/api/executions/"+xid+"/step", nil, &st), st)
			require.Equal(t, "RUNNING", st["status"])
			events.untilEvent("0190a1b2-0000-7000-8000-000000000004", "COMPLETED")
			events.untilEvent("0190a1b2-0000-7000-8000-000000000005", "PAUSED")
			c.waitStatus(xid, "PAUSED")
			require.Equal(t, 200, c.call("POST", "/api/executions/"+xid+"/resume", nil, &st), st)
			final := events.untilEvent("", "COMPLETED")
			require.InDelta(t, 0.006, final["cost"], 1e-9, "the final event carries the run's cost")

			done := c.waitStatus(xid, "COMPLETED")
			require.InDelta(t, 0.006, done["total_cost"], 1e-9)
			gens := done["generations"].([]any)
			require.Len(t, gens, 1)
			require.Equal(t, "fal-ai/flux/schnell", gens[0].(obj)["model_id"])
			var prompt string
			for _, ne := range done["node_executions"].([]any) {
				if out, ok := ne.(obj)["output_data"].(obj); ok && out["prompt"] != nil {
					prompt = out["prompt"].(string)
				}
			}
			require.Equal(t, "An ad for red sneakers riding on retro sneakers", prompt)
			require.Equal(t, "An ad for red sneakers riding on retro sneakers", falSrv.Submits[0].Input["prompt"])

			var list obj
			require.Equal(t, 200, c.call("GET", "/api/workflows/"+id+"/executions", nil, &list))
			require.Len(t, list["executions"], 1)
			var social obj
			require.Equal(t, 200, c.call("POST", "/api/social/reddit", obj{"subreddit": "sneakers", "sort": "hot", "limit": 2}, &social))
			require.Len(t, social["posts"], 2)
			require.Equal(t, 422, c.call("POST", "/api/social/reddit", obj{"subreddit": "bad name!"}, nil))
		})
	}
}

// eventStream reads an SSE response's data lines.
type eventStream struct {
	t  testing.TB
	sc *bufio.Scanner
}

// openEvents connects to an execution's event stream (see openStream).
func openEvents(t testing.TB, c api, id string) *eventStream {
	t.Helper()
	return openStream(t, c, "/api/executions/"+id+"/events")
}

// openStream connects to an event stream at path, for at most 2 minutes
// (the race detector on two busy cores makes image work slow).
func openStream(t testing.TB, c api, path string) *eventStream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", c.base+path, nil)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, "text/event-stream", res.Header.Get("Content-Type"))
	t.Cleanup(func() { _ = res.Body.Close() })
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	return &eventStream{t: t, sc: sc}
}

// until reads messages until one matches, and returns it.
func (s *eventStream) until(what string, match func(obj) bool) obj {
	s.t.Helper()
	for s.sc.Scan() {
		data, ok := strings.CutPrefix(s.sc.Text(), "data:")
		if !ok {
			continue
		}
		var m obj
		require.NoError(s.t, json.Unmarshal([]byte(data), &m))
		if match(m) {
			return m
		}
	}
	s.t.Fatalf("the stream ended before %s: %v", what, s.sc.Err())
	return nil
}

// untilEvent reads until the execution (nodeID "") or one node reaches
// status, in the snapshot or a change, and returns that message.
func (s *eventStream) untilEvent(nodeID, status string) obj {
	s.t.Helper()
	for s.sc.Scan() {
		data, ok := strings.CutPrefix(s.sc.Text(), "data:")
		if !ok {
			continue
		}
		var m obj
		require.NoError(s.t, json.Unmarshal([]byte(data), &m))
		if x, ok := m["execution"].(obj); ok { // a snapshot
			if nodeID == "" && x["status"] == status {
				return x
			}
			for _, ne := range x["node_executions"].([]any) {
				if ne.(obj)["node_id"] == nodeID && ne.(obj)["status"] == status {
					return ne.(obj)
				}
			}
			continue
		}
		if id, _ := m["node_id"].(string); id == nodeID && m["status"] == status {
			return m
		}
	}
	s.t.Fatalf("the stream ended before %q became %s: %v", nodeID, status, s.sc.Err())
	return nil
}
