package main

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestManySourcesIntoOneOutput connects four image models to one Output:
// asking for 4 delivers all 4, in the graph's order; with three models it
// delivers 3 and says it received fewer. (The
// browser test does the same with 16.)
func TestManySourcesIntoOneOutput(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	for _, models := range []int{4, 3} {
		text, out := uuid.NewString(), uuid.NewString()
		g := obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": "red sneakers"}),
			node(out, "OUTPUT", "Output", obj{"num_images": 4, "aspect_ratio": "1:1"})}, "edges": []obj{}}
		for i := range models {
			id := uuid.NewString()
			g["nodes"] = append(g["nodes"].([]obj), node(id, "IMAGE_MODEL", fmt.Sprintf("Model %d", i),
				obj{"model": "fal-ai/flux/schnell", "parameters": obj{"image_size": "square"}}))
			g["edges"] = append(g["edges"].([]obj), edge(text, id, "prompt"), edge(id, out, ""))
		}
		done, nodes := runGraphWith(t, c, g, "COMPLETED", obj{"fresh": true})
		require.Len(t, done["generations"], models)
		output := nodes["Output"]["output_data"].(obj)
		require.Len(t, output["final_images"], models, "every model's images arrive")
		require.EqualValues(t, models, output["received"])
		var want []any
		for i := range models {
			want = append(want, nodes[fmt.Sprintf("Model %d", i)]["output_data"].(obj)["image_urls"].([]any)...)
		}
		require.Equal(t, want, nodes["Output"]["input_data"].(obj)["image_urls"], "in the graph's order")
		if models == 3 {
			require.Equal(t, "asked for 4 images, received 3: connect more image models or ask them for more images", output["short"])
		} else {
			require.Nil(t, output["short"])
		}
	}
}
