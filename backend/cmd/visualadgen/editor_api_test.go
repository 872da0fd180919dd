package main

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
)

// TestStaleSavesAndWarnings saves a graph edited from an older version
// (409, nothing changed), and answers a saved graph's likely problems:
// an unconnected required input and a template variable nothing provides.
func TestStaleSavesAndWarnings(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	var w, p obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "two tabs"}, &w))
	id := w["id"].(string)
	require.EqualValues(t, 1, w["version"])
	text, prompt, model := uuid.NewString(), uuid.NewString(), uuid.NewString()
	g := obj{"version": 1, "nodes": []obj{node(text, "TEXT_INPUT", "Product", obj{"value": "shoes"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}} in {{city}} with {{Product.text}}"}),
		node(model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell"})},
		"edges": []obj{edge(text, prompt, "")}}
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	require.EqualValues(t, 2, w["version"])
	warnings := w["warnings"].([]any)
	require.Len(t, warnings, 2, warnings)
	require.Equal(t, "body.nodes[2].inputs.prompt", warnings[0].(obj)["location"])
	require.Equal(t, "body.nodes[1].config.template", warnings[1].(obj)["location"])
	require.Equal(t, "no connected node provides {{city}}; available: Product, text", warnings[1].(obj)["message"])

	g["nodes"] = g["nodes"].([]obj)[:2] // the other tab, still at version 1, deletes the model
	require.Equal(t, 409, c.call("PUT", "/api/workflows/"+id+"/graph", g, &p), p)
	require.Contains(t, p["detail"], "saved elsewhere since you opened it (it is at version 2, yours is 1)")
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+id, nil, &w))
	require.Len(t, w["nodes"], 3, "the stale save changed nothing")
	delete(g, "version") // "save again to overwrite"
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	require.Len(t, w["nodes"], 2)
	require.EqualValues(t, 3, w["version"])
}

// TestStartersRunAndTheListShowsThem creates each starter, runs the ones
// this server can run to completion, and finds each run's status and first
// final image in the workflow list.
func TestStartersRunAndTheListShowsThem(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	var st obj
	require.Equal(t, 200, c.call("GET", "/api/starters", nil, &st))
	list := st["starters"].([]any)
	require.Len(t, list, 4)
	ran := 0
	for _, s := range list {
		s := s.(obj)
		var w, x obj
		require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": s["name"], "starter": s["id"]}, &w), w)
		require.NotEmpty(t, w["nodes"])
		if len(s["missing"].([]any)) > 0 {
			require.Equal(t, []any{"RAPIDAPI_KEY"}, s["missing"], "no key here")
			continue
		}
		require.Equal(t, 200, c.call("POST", "/api/workflows/"+w["id"].(string)+"/execute", nil, &x), x)
		c.waitStatus(x["execution_id"].(string), "COMPLETED")
		ran++
	}
	require.Equal(t, 3, ran)
	var p obj
	require.Equal(t, 422, c.call("POST", "/api/workflows", obj{"name": "x", "starter": "nope"}, &p))
	requireLocation(t, p, "body.starter", "an unknown starter")
	var ws obj
	require.Equal(t, 200, c.call("GET", "/api/workflows", nil, &ws))
	withRuns := 0
	for _, w := range ws["workflows"].([]any) {
		last, _ := w.(obj)["last_run"].(obj)
		if last == nil {
			continue
		}
		withRuns++
		require.Equal(t, "COMPLETED", last["status"])
		require.Regexp(t, `^/files/outputs/`, last["image_url"], "its first final image")
	}
	require.Equal(t, 3, withRuns)
	var types obj
	require.Equal(t, 200, c.call("GET", "/api/node-types", nil, &types))
	notices := map[string]any{}
	for _, nt := range types["node_types"].([]any) {
		notices[nt.(obj)["type"].(string)] = nt.(obj)["notice"]
	}
	require.Contains(t, notices["SOCIAL_MEDIA"], "RAPIDAPI_KEY is not set")
	require.Contains(t, notices["IMAGE_MODEL"], "FAL_KEY is not set")
	require.Nil(t, notices["PROMPT"])
}

// TestEveryTabSeesRunsAndProgress follows a workflow's stream while a run
// starts (as another tab would see it), and the run's own stream while FAL
// works: FAL's progress arrives before the node completes.
func TestEveryTabSeesRunsAndProgress(t *testing.T) {
	fake := faltest.New()
	fake.CompleteAfter = 600 * time.Millisecond
	t.Cleanup(fake.Close)
	c := api{t: t, base: startServer(t, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"})}
	g, modelID := adRun(obj{"model": "fal-ai/flux/schnell", "parameters": obj{"image_size": "square"}})
	var w, x obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "live"}, &w))
	id := w["id"].(string)
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	tab := openStream(t, c, "/api/workflows/"+id+"/events")
	tab.until("the runs snapshot", func(m obj) bool { return m["runs"] != nil })
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", nil, &x), x)
	run := tab.until("the run starting", func(m obj) bool { return m["execution_id"] == x["execution_id"] })
	require.Equal(t, "RUNNING", run["status"])
	require.Equal(t, id, run["workflow_id"])
	s := openEvents(t, c, x["execution_id"].(string))
	prog := s.until("FAL's progress", func(m obj) bool { return m["node_id"] == modelID && m["progress"] != nil })
	require.Equal(t, "generating", prog["progress"].(obj)["stage"])
	require.Equal(t, "RUNNING", prog["status"])
	s.untilEvent(modelID, "COMPLETED")
	tab.until("the run ending", func(m obj) bool { return m["execution_id"] == x["execution_id"] && m["status"] == "COMPLETED" })
}
