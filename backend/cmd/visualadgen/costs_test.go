package main

import (
	"context"
	"io"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// adRun is TEXT -> PROMPT -> IMAGE_MODEL (ratio unset) -> OUTPUT 4:5.
func adRun(model obj) (obj, string) {
	text, prompt, im, out := uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()
	return obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": "red sneakers"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}}"}),
		node(im, "IMAGE_MODEL", "Model", model),
		node(out, "OUTPUT", "Output", obj{"num_images": 2, "aspect_ratio": "4:5"})},
		"edges": []obj{edge(text, prompt, ""), edge(prompt, im, ""), edge(im, out, "")}}, im
}

// TestCostsAsFALBills runs a workflow whose image model matches its 4:5
// Output: the estimate shows the size it will generate and equals the
// run's cost; the Output delivers 1080x1350 cropping almost nothing. When
// FAL flags every image, the run fails saying so and still counts the cost.
func TestCostsAsFALBills(t *testing.T) {
	fake := faltest.New()
	t.Cleanup(fake.Close)
	c := api{t: t, base: startServer(t, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"})}
	g, modelID := adRun(obj{"model": "fal-ai/flux/dev", "parameters": obj{"num_images": 2}})
	var w, est obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "costs"}, &w))
	id := w["id"].(string)
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/estimate", nil, &est), est)
	quote := est["nodes"].([]any)[0].(obj)
	require.Equal(t, modelID, quote["node_id"])
	require.Equal(t, "fal-ai/flux/dev", quote["endpoint"])
	require.Equal(t, []any{obj{"ratio": "4:5", "width": 912.0, "height": 1136.0, "images": 2.0}}, quote["plans"], "the Output's ratio, within a megapixel")
	require.Equal(t, 0.05, est["total_cost"], "two images, each one started megapixel at $0.025")

	var x obj
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", nil, &x), x)
	done := c.waitStatus(x["execution_id"].(string), "COMPLETED")
	nodes := map[string]obj{}
	for _, ne := range done["node_executions"].([]any) {
		if out, ok := ne.(obj)["output_data"].(obj); ok && out["max_crop"] != nil {
			nodes["Output"] = ne.(obj)
		}
	}
	require.Equal(t, est["total_cost"], done["total_cost"], "the estimate is the cost")
	require.Equal(t, map[string]any{"width": 912.0, "height": 1136.0}, fake.Submits[0].Input["image_size"])
	out := nodes["Output"]["output_data"].(obj)
	require.Equal(t, []any{1080.0, 1350.0}, []any{out["width"], out["height"]})
	require.LessOrEqual(t, out["max_crop"], 0.005)
	gen := done["generations"].([]any)[0].(obj)
	require.Equal(t, "4:5", gen["aspect_ratio"])

	fake.NSFW = []bool{true, true}
	g, _ = adRun(obj{"model": "fal-ai/flux/dev", "parameters": obj{"num_images": 2}})
	failed, nodes := runGraphWith(t, c, g, "FAILED", obj{"fresh": true})
	require.Contains(t, failed["error_message"], "flagged all 2 images as not safe for work")
	require.Equal(t, 0.05, failed["total_cost"], "flagged images are billed, and counted")
	require.Equal(t, "FAILED", nodes["Model"]["status"])
}

// TestOperatorPrices corrects a price with FAL_PRICES without a rebuild,
// prices an unsaved graph the editor sends, and refuses a correction for an
// endpoint we do not call.
func TestOperatorPrices(t *testing.T) {
	c := api{t: t, base: startServer(t, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": "http://127.0.0.1:1",
		"FAL_PRICES": `{"fal-ai/flux/dev":{"unit":"image","usd":0.04}}`})}
	g, _ := adRun(obj{"model": "fal-ai/flux/dev", "parameters": obj{"num_images": 3}})
	var w, est obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "prices"}, &w))
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+w["id"].(string)+"/graph", g, &w), w)
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+w["id"].(string)+"/estimate", nil, &est))
	require.Equal(t, 0.12, est["total_cost"])

	// The editor prices unsaved edits by sending its graph; the saved one stays.
	id := w["id"].(string)
	edited, _ := adRun(obj{"model": "fal-ai/flux/dev", "parameters": obj{"num_images": 4}})
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/estimate", edited, &est), est)
	require.Equal(t, 0.16, est["total_cost"], "four images of the unsaved graph")
	edited["nodes"].([]obj)[0]["type"] = "VIDEO"
	var p obj
	require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/estimate", edited, &p))
	requireLocation(t, p, "body.nodes[0].type", "an unknown node type, checked as a save would")
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/estimate", nil, &est))
	require.Equal(t, 0.12, est["total_cost"], "the saved graph is unchanged")
	for _, bad := range []string{`{"fal-ai/flux/pro":{"unit":"image","usd":1}}`, `{"fal-ai/flux/dev":{"unit":"second","usd":1}}`, `not json`} {
		err := run(context.Background(), []string{"-env-file", "/nonexistent"},
			func(k string) string { return map[string]string{"FAL_PRICES": bad}[k] }, io.Discard, io.Discard)
		require.ErrorContains(t, err, "FAL_PRICES", bad)
	}
}

// TestSubredditReadsAreShared reads a subreddit ten times, through the API
// and a SOCIAL_MEDIA node, with one RapidAPI call, refuses a sort reddit34
// does not document, and fails a node at once on a used-up quota.
func TestSubredditReadsAreShared(t *testing.T) {
	fake := reddittest.New("k")
	t.Cleanup(fake.Close)
	c := api{t: t, base: startServer(t, map[string]string{"RAPIDAPI_KEY": "k", "RAPIDAPI_REDDIT_BASE_URL": fake.URL})}
	for range 9 {
		var out obj
		require.Equal(t, 200, c.call("POST", "/api/social/reddit", obj{"subreddit": "sneakers", "sort": "top", "time": "day", "limit": 3}, &out), out)
		require.Len(t, out["posts"], 3)
	}
	social := uuid.NewString()
	g := obj{"nodes": []obj{node(social, "SOCIAL_MEDIA", "Reddit", obj{"subreddit": "sneakers", "sort": "top", "time": "day"})}, "edges": []obj{}}
	runGraph(t, c, g, "COMPLETED")
	require.Len(t, fake.Calls, 1, "ten reads, one call")
	var p obj
	require.Equal(t, 422, c.call("POST", "/api/social/reddit", obj{"subreddit": "sneakers", "sort": "rising"}, &p))
	requireLocation(t, p, "body.sort", "rising is not a sort reddit34 documents")
	fake.QuotaStatus = 429
	g = obj{"nodes": []obj{node(uuid.NewString(), "SOCIAL_MEDIA", "Reddit", obj{"subreddit": "running"})}, "edges": []obj{}}
	failed, _ := runGraph(t, c, g, "FAILED")
	require.Contains(t, failed["error_message"], "quota for reddit34 is used up")
	require.Len(t, fake.Calls, 2, "one call: a used-up quota is not retried")
}
