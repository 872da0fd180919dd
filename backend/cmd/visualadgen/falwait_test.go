package main

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestManyModelsWaitWithoutHoldingWorkers: while FAL holds every request,
// all twelve image models of a run are waiting on it at once with three
// workers (a worker is not held while FAL works), and each completes once
// FAL lets its request go. It waits on the run's events, never on time:
// the run pauses before its prompt so the test's stream is open before the
// models start, each model's "generating" report says FAL has its request,
// and closing the fake's Hold is what lets them finish.
func TestManyModelsWaitWithoutHoldingWorkers(t *testing.T) {
	const models, workers = 12, 3
	fake, env := withFAL(t, map[string]string{"ENGINE_WORKERS": fmt.Sprint(workers), "ENGINE_MAX_PARALLEL": fmt.Sprint(models + 2)})
	fake.Hold = make(chan struct{})
	release := sync.OnceFunc(func() { close(fake.Hold) })
	c := api{t: t, base: startServer(t, env)}
	t.Cleanup(release) // before the server and the fake stop, should the test fail holding them
	g, ids := fanOut(models)
	g["nodes"].([]obj)[1]["has_breakpoint"] = true // the prompt
	var w, x obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "Held at FAL"}, &w))
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+w["id"].(string)+"/graph", g, &w), w)
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+w["id"].(string)+"/execute", nil, &x), x)
	xid := x["execution_id"].(string)
	c.waitStatus(xid, "PAUSED")

	events := openEvents(t, c, xid)
	events.until("the snapshot (the stream is subscribed)", func(m obj) bool { return m["execution"] != nil })
	require.Equal(t, 200, c.call("POST", "/api/executions/"+xid+"/resume", nil, nil))
	model := map[string]bool{}
	for _, id := range ids {
		model[id] = true
	}
	generating := map[string]bool{}
	events.until("every model generating at FAL", func(m obj) bool {
		id, _ := m["node_id"].(string)
		if !model[id] {
			return false
		}
		require.Contains(t, []any{"PENDING", "RUNNING"}, m["status"], "no model ends while FAL holds its request: %v", m)
		if p, ok := m["progress"].(obj); ok && p["stage"] == "generating" {
			generating[id] = true
		}
		return len(generating) == models
	})
	var held obj
	require.Equal(t, 200, c.call("GET", "/api/executions/"+xid, nil, &held))
	running := 0
	for _, ne := range held["node_executions"].([]any) {
		if model[ne.(obj)["node_id"].(string)] && ne.(obj)["status"] == "RUNNING" {
			running++
		}
	}
	require.Equal(t, models, running, "all the models run at once, with %d workers", workers)
	require.Equal(t, models, fake.Count("submit"), "each model sent its request once")

	release()
	completed := map[string]bool{}
	events.until("every model completed and the run with them", func(m obj) bool {
		if id, _ := m["node_id"].(string); model[id] && m["status"] == "COMPLETED" {
			completed[id] = true
		}
		return m["node_id"] == nil && m["status"] == "COMPLETED"
	})
	require.Len(t, completed, models, "each model completed once FAL let its request go")
}
