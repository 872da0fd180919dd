package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// api is a tiny JSON client of a running server, as one user.
type api struct {
	t     testing.TB
	base  string
	token string
}

// call sends a request and decodes the JSON answer into out (if given),
// returning the status.
func (a api) call(method, path string, body any, out any) int {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(a.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.base+path, rd)
	require.NoError(a.t, err)
	req.Header.Set("Content-Type", "application/json")
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(a.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(a.t, err)
	if out != nil && len(b) > 0 {
		require.NoError(a.t, json.Unmarshal(b, out), string(b))
	}
	return res.StatusCode
}

// obj is a JSON object.
type obj = map[string]any

// waitStatus follows an execution's event stream until the execution has
// status, then reads it whole.
func (a api) waitStatus(id, status string) obj {
	a.t.Helper()
	s := openEvents(a.t, a, id)
	s.untilEvent("", status)
	var x obj
	require.Equal(a.t, 200, a.call("GET", "/api/executions/"+id, nil, &x))
	return x
}

// await waits for a signal on ch and returns it, failing the test with
// what it waited for after a minute (a deadline, not a pace: the signal
// usually comes within milliseconds).
func await(t testing.TB, ch <-chan string, what string) string {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Minute):
		t.Fatalf("waited a minute for %s", what)
		return ""
	}
}

// waitEnded follows an execution's event stream until it ends (the
// stream closes after the execution's final state), then reads it whole.
func (a api) waitEnded(id string) obj {
	a.t.Helper()
	s := openEvents(a.t, a, id)
	for s.sc.Scan() {
	}
	var x obj
	require.Equal(a.t, 200, a.call("GET", "/api/executions/"+id, nil, &x))
	require.Contains(a.t, []any{"COMPLETED", "FAILED", "CANCELLED"}, x["status"], "the stream ended with the run")
	return x
}

// adGraph is SOCIAL_MEDIA and TEXT_INPUT -> PROMPT -> IMAGE_MODEL (breakpoint) -> OUTPUT.
func adGraph() obj {
	n := func(id, typ, name string, cfg obj, brk bool) obj {
		return obj{"id": id, "type": typ, "name": name, "config": cfg, "has_breakpoint": brk}
	}
	e := func(s, t string) obj { return obj{"source_node_id": s, "target_node_id": t} }
	const text, social, prompt, model, out = "0190a1b2-0000-7000-8000-000000000001", "0190a1b2-0000-7000-8000-000000000002",
		"0190a1b2-0000-7000-8000-000000000003", "0190a1b2-0000-7000-8000-000000000004", "0190a1b2-0000-7000-8000-000000000005"
	return obj{
		"nodes": []obj{
			n(text, "TEXT_INPUT", "Product", obj{"value": "red sneakers"}, false),
			n(social, "SOCIAL_MEDIA", "Reddit", obj{"subreddit": "sneakers", "limit": 3}, false),
			n(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}} riding on {{trends}}"}, false),
			n(model, "IMAGE_MODEL", "Flux", obj{"model": "fal-ai/flux/schnell", "parameters": obj{"num_images": 2, "aspect_ratio": "1:1"}}, true),
			n(out, "OUTPUT", "Output", obj{"num_images": 1, "aspect_ratio": "9:16"}, false),
		},
		"edges": []obj{e(text, prompt), e(social, prompt), e(prompt, model), e(model, out)},
	}
}

// databases are the databases the HTTP tests run on, each as a subtest.
var databases = []string{"sqlite", "postgres"}

// withDatabase is env for a server on database kind: SQLite (the default)
// or a throwaway Postgres database.
func withDatabase(t testing.TB, kind string, env map[string]string) map[string]string {
	if kind == "postgres" {
		env["DATABASE_URL"] = pgtest.URL(t)
	}
	return env
}

// withFAL starts a fake FAL queue for t and returns it with the env that
// points a server at it (downloads from it allowed), plus extra.
func withFAL(t testing.TB, extra map[string]string) (*faltest.Server, map[string]string) {
	fake := faltest.New()
	t.Cleanup(fake.Close)
	env := map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"}
	for k, v := range extra {
		env[k] = v
	}
	return fake, env
}
