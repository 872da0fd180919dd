package main

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// TestAPIWholeProduct drives the product over HTTP, on SQLite and Postgres,
// with fake FAL and RapidAPI: build, estimate, run to a breakpoint, step,
// follow the event stream, read back costs and images.
func TestAPIWholeProduct(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			falSrv, redditSrv := faltest.New(), reddittest.New("rk")
			t.Cleanup(falSrv.Close)
			t.Cleanup(redditSrv.Close)
			env := map[string]string{"FAL_KEY": "fk", "FAL_QUEUE_BASE_URL": falSrv.URL, "RAPIDAPI_KEY": "rk",
				"RAPIDAPI_REDDIT_BASE_URL": redditSrv.URL}
			if kind == "postgres" {
				env["DATABASE_URL"] = pgtest.URL(t)
			}
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
			events.until(`"node_id":"0190a1b2-0000-7000-8000-000000000004","status":"COMPLETED"`)
			events.until(`"node_id":"0190a1b2-0000-7000-8000-000000000005","status":"PAUSED"`)
			c.waitStatus(xid, "PAUSED")
			require.Equal(t, 200, c.call("POST", "/api/executions/"+xid+"/resume", nil, &st), st)
			events.until(`"status":"COMPLETED","cost"`)

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

// eventStream reads an SSE response line by line.
type eventStream struct {
	t *testing.T
	r *bufio.Reader
}

// openEvents connects to an execution's event stream.
func openEvents(t *testing.T, c api, id string) *eventStream {
	req, _ := http.NewRequest("GET", c.base+"/api/executions/"+id+"/events", nil)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, "text/event-stream", res.Header.Get("Content-Type"))
	t.Cleanup(func() { _ = res.Body.Close() })
	s := &eventStream{t: t, r: bufio.NewReader(res.Body)}
	s.until("event: snapshot")
	return s
}

// until reads until a line contains want and returns everything read.
func (s *eventStream) until(want string) string {
	var sb strings.Builder
	for {
		line, err := s.r.ReadString('\n')
		require.NoError(s.t, err, "stream ended before %s; read:\n%s", want, sb.String())
		sb.WriteString(line)
		if strings.HasPrefix(line, "data:") && strings.Contains(line, want) || strings.Contains(line, want) && !strings.HasPrefix(want, `"`) {
			return sb.String()
		}
	}
}
