package main

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// ratioGraph is TEXT -> PROMPT -> IMAGE_MODEL (flux schnell, 2 images, at
// modelRatio) -> OUTPUT (outImages at outRatio), with the ids in ids.
func ratioGraph(ids [4]string, modelRatio string, outImages int, outRatio string) obj {
	return obj{"nodes": []obj{node(ids[0], "TEXT_INPUT", "Product", obj{"value": "Blue suede shoes"}),
		node(ids[1], "PROMPT", "Prompt", obj{"template": "A studio photo of {{text}}"}),
		node(ids[2], "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell", "parameters": obj{"num_images": 2, "aspect_ratio": modelRatio}}),
		node(ids[3], "OUTPUT", "Ads", obj{"num_images": outImages, "aspect_ratio": outRatio})},
		"edges": []obj{edge(ids[0], ids[1], ""), edge(ids[1], ids[2], "prompt"), edge(ids[2], ids[3], "image_urls")}}
}

// TestOnlyNewRequestsArePaid changes only the Output of a run, on SQLite
// and Postgres with the fake FAL. With the model at an explicit 1:1, the
// request FAL would get is the same byte for byte: 2 images at 1:1 becoming
// 1 image at 4:5 asks FAL nothing, and the model is reused. With the model
// matching its Output, a new Output ratio is a new request (one FAL call),
// and a new Output count alone is not.
func TestOnlyNewRequestsArePaid(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, nil)
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			ids := [4]string{uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()}
			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "outputs"}, &w))
			id := w["id"].(string)

			rerun(t, c, id, ratioGraph(ids, "1:1", 2, "1:1"), nil)
			require.Equal(t, 1, fake.Count("submit"))
			_, nodes := rerun(t, c, id, ratioGraph(ids, "1:1", 1, "4:5"), nil)
			require.Equal(t, 1, fake.Count("submit"), "an Output-only change asks FAL nothing")
			require.NotNil(t, nodes[ids[2]]["reused_from"], "the model is reused")
			require.Nil(t, nodes[ids[3]]["reused_from"], "the Output runs anew")

			rerun(t, c, id, ratioGraph(ids, "match_output", 1, "1:1"), nil)
			require.Equal(t, 1, fake.Count("submit"), "matching a 1:1 Output asks what the explicit 1:1 asked")
			_, nodes = rerun(t, c, id, ratioGraph(ids, "match_output", 1, "4:5"), nil)
			require.Equal(t, 2, fake.Count("submit"), "a matched model whose Output changes ratio asks once")
			require.Nil(t, nodes[ids[2]]["reused_from"])
			sent := fake.Sent()
			require.Equal(t, map[string]any{"width": 912.0, "height": 1136.0}, sent[1].Input["image_size"])
			rerun(t, c, id, ratioGraph(ids, "match_output", 2, "4:5"), nil)
			require.Equal(t, 2, fake.Count("submit"), "a new Output count alone asks nothing")
		})
	}
}
