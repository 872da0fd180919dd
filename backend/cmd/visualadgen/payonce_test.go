package main

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// payGraph is TEXT -> PROMPT -> IMAGE_MODEL -> OUTPUT, plus TEXT -> AD_LAYOUT
// -> OUTPUT, with fixed ids so a test can change one node.
type payGraph struct{ text, prompt, model, layout, out string }

// newPayGraph makes fresh ids.
func newPayGraph() payGraph {
	return payGraph{uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()}
}

// body is the graph with a prompt template, an Output count and a headline.
func (p payGraph) body(template string, images int, headline string) obj {
	return obj{"nodes": []obj{node(p.text, "TEXT_INPUT", "Product", obj{"value": "Red canvas sneakers"}),
		node(p.prompt, "PROMPT", "Prompt", obj{"template": template}),
		node(p.model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell", "parameters": obj{"num_images": 2}}),
		node(p.layout, "AD_LAYOUT", "Layout", obj{"headline": headline}),
		node(p.out, "OUTPUT", "Ads", obj{"num_images": images, "aspect_ratio": "4:5"})},
		"edges": []obj{edge(p.text, p.prompt, ""), edge(p.prompt, p.model, "prompt"), edge(p.model, p.out, "image_urls"),
			edge(p.text, p.layout, ""), edge(p.layout, p.out, "layout")}}
}

// rerun saves g into workflow id, runs it with body, and returns the run's
// node executions by node id.
func rerun(t *testing.T, c api, id string, g obj, body any) (obj, map[string]obj) {
	t.Helper()
	var w, x obj
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", body, &x), x)
	done := c.waitStatus(x["execution_id"].(string), "COMPLETED")
	byID := map[string]obj{}
	for _, ne := range done["node_executions"].([]any) {
		byID[ne.(obj)["node_id"].(string)] = ne.(obj)
	}
	return done, byID
}

// reusedOf lists which of ids were reused (true) or ran (false).
func reusedOf(nodes map[string]obj, ids ...string) []bool {
	out := make([]bool, len(ids))
	for i, id := range ids {
		out[i] = nodes[id]["reused_from"] != nil
	}
	return out
}

// TestPayOnce re-runs a workflow as a user changes it, on SQLite and
// Postgres with the fake FAL: unchanged, nothing is paid or called and
// every node says it reused; a new prompt re-runs the prompt, the model and
// the output; a new Output count or headline re-runs only what follows the
// image model; fresh and until do what they say.
func TestPayOnce(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, nil)
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			p := newPayGraph()
			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "pay once"}, &w))
			id := w["id"].(string)
			all := []string{p.text, p.prompt, p.model, p.layout, p.out}

			first, nodes := rerun(t, c, id, p.body("An ad for {{text}}", 2, "Spring"), nil)
			require.Len(t, fake.Submits, 1)
			require.Equal(t, 0.006, first["total_cost"])
			require.Equal(t, []bool{false, false, false, false, false}, reusedOf(nodes, all...))

			var est obj
			require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/estimate", nil, &est))
			require.Equal(t, 0.0, est["total_cost"], "the estimate knows the picture is paid for")
			foreseen := map[string]bool{}
			for _, n := range est["nodes"].([]any) {
				foreseen[n.(obj)["node_id"].(string)] = n.(obj)["reused"] == true
			}
			require.True(t, foreseen[p.out], "the estimate runs the ad layout and so foresees the Output's reuse")
			require.False(t, foreseen[p.layout])
			again, nodes := rerun(t, c, id, p.body("An ad for {{text}}", 2, "Spring"), nil)
			require.Len(t, fake.Submits, 1, "no FAL call")
			require.Equal(t, 0.0, again["total_cost"])
			require.Equal(t, []bool{true, true, true, false, true}, reusedOf(nodes, all...), "every node reused but the ad layout, which always runs")

			_, nodes = rerun(t, c, id, p.body("A bold ad for {{text}}", 2, "Spring"), nil)
			require.Len(t, fake.Submits, 2, "a new prompt pays for a new picture")
			require.Equal(t, []bool{true, false, false, false, false}, reusedOf(nodes, all...))

			_, nodes = rerun(t, c, id, p.body("A bold ad for {{text}}", 1, "Summer"), nil)
			require.Len(t, fake.Submits, 2, "a new count and headline do not")
			require.Equal(t, []bool{true, true, true, false, false}, reusedOf(nodes, all...))

			_, nodes = rerun(t, c, id, p.body("A bold ad for {{text}}", 1, "Summer"), obj{"fresh": []string{p.model}})
			require.Len(t, fake.Submits, 3, "regenerate asks FAL again")
			require.Equal(t, []bool{true, true, false, false, false}, reusedOf(nodes, all...))

			_, nodes = rerun(t, c, id, p.body("An ad for {{text}} at dusk", 1, "Summer"), obj{"until": p.prompt})
			require.Len(t, fake.Submits, 3, "until the prompt: no picture")
			require.Equal(t, "COMPLETED", nodes[p.prompt]["status"])
			require.Equal(t, "SKIPPED", nodes[p.model]["status"])
			require.Equal(t, "SKIPPED", nodes[p.out]["status"])

			var prob obj
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/execute", obj{"fresh": []string{uuid.NewString()}}, &prob))
			requireLocation(t, prob, "body.fresh[0]", "a node the workflow does not have")
		})
	}
}
