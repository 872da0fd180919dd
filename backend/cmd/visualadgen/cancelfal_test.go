package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCancelReachesFALAtOnce cancels a run while FAL works on its request,
// on SQLite and on Postgres; on Postgres through a second replica that
// started after the node's job ran on the first, so the replica that takes
// the cancel has neither the node's job nor its watcher. FAL receives the
// cancel within a second of the request, the first replica's watcher of
// the request stops, and the request counts at its planned cost.
func TestCancelReachesFALAtOnce(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, map[string]string{"DATA_DIR": t.TempDir()})
			fake.CompleteAfter = time.Hour
			watched, cancelled, unwatched := fake.Signal("stream"), fake.Signal("cancel"), fake.Signal("stream-end")
			env = withDatabase(t, kind, env)
			first := api{t: t, base: startServer(t, env)}
			var w, x obj
			require.Equal(t, 201, first.call("POST", "/api/workflows", obj{"name": "cancel me"}, &w))
			id := w["id"].(string)
			require.Equal(t, 200, first.call("PUT", "/api/workflows/"+id+"/graph", oneImage("green sneakers"), &w), w)
			require.Equal(t, 200, first.call("POST", "/api/workflows/"+id+"/execute", nil, &x), x)
			xid := x["execution_id"].(string)
			await(t, watched, "the first replica to send the request and watch it")

			taker := first
			if kind == "postgres" {
				taker = api{t: t, base: startServer(t, env)} // never ran the node
			}
			asked := time.Now()
			require.Equal(t, 200, taker.call("POST", "/api/executions/"+xid+"/cancel", nil, nil))
			select {
			case <-cancelled:
				t.Logf("FAL received the cancel %s after it was asked for", time.Since(asked).Round(time.Millisecond))
			case <-time.After(time.Second):
				t.Fatal("FAL received no cancel within a second")
			}
			await(t, unwatched, "the first replica to stop watching the request")
			done := first.waitEnded(xid)
			require.Equal(t, "CANCELLED", done["status"])
			var me obj
			require.Equal(t, 200, first.call("GET", "/api/me", nil, &me))
			require.Equal(t, 0.003, me["spent"], "the request FAL accepted counts at its planned cost")
			require.Equal(t, 0.0, me["reserved"])
			require.Equal(t, 1, fake.Count("submit"))
		})
	}
}
