package main

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestConnectionRuleOverTheAPI: the server owns which output may feed which
// input. The catalog serves what each input accepts, and a graph whose edge
// joins an image output to a text input is refused (422 at the edge, naming
// both ports) when saved and when priced unsaved, with or without a source
// handle; the same nodes joined by text are saved. On both databases.
func TestConnectionRuleOverTheAPI(t *testing.T) {
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			c := api{t: t, base: startServer(t, withDatabase(t, db, map[string]string{}))}

			var cat obj
			require.Equal(t, 200, c.call("GET", "/api/node-types", nil, &cat))
			accepts := map[string]any{}
			for _, s := range cat["node_types"].([]any) {
				for _, in := range s.(obj)["inputs"].([]any) {
					accepts[s.(obj)["type"].(string)+"."+in.(obj)["name"].(string)] = in.(obj)["accepts"]
				}
			}
			require.Equal(t, []any{"text", "data"}, accepts["IMAGE_MODEL.prompt"])
			require.Equal(t, []any{"image"}, accepts["IMAGE_MODEL.image_url"])
			require.Equal(t, []any{"image", "images"}, accepts["OUTPUT.image_urls"])
			require.Len(t, accepts["PROMPT.vars"], 5, "a node with open inputs takes every kind")

			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "kinds"}, &w))
			id := w["id"].(string)
			photo, text, model := uuid.NewString(), uuid.NewString(), uuid.NewString()
			nodes := []obj{node(photo, "IMAGE_INPUT", "Photo", obj{"image_url": "https://example.com/shoe.png"}),
				node(text, "TEXT_INPUT", "Product", obj{"value": "red sneakers"}),
				node(model, "IMAGE_MODEL", "Flux", obj{"model": "fal-ai/flux/dev"})}
			const want = `"Photo"'s image output (an image) cannot feed "Flux"'s prompt input: it takes text or data`

			named := edge(photo, model, "prompt")
			named["source_handle"] = "image_url"
			for what, e := range map[string]obj{"with a source handle": named, "without one (all of Photo's outputs)": edge(photo, model, "prompt")} {
				bad := obj{"nodes": nodes, "edges": []obj{e}}
				var p obj
				require.Equal(t, 422, c.call("PUT", "/api/workflows/"+id+"/graph", bad, &p), "%s: %v", what, p)
				require.Equal(t, want, messageAt(t, p, "body.edges[0]"), what)
				require.Contains(t, p["detail"], want, what)
				p = nil
				require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/estimate", bad, &p), "%s, priced unsaved: %v", what, p)
				require.Equal(t, want, messageAt(t, p, "body.edges[0]"), what)
			}

			good := obj{"nodes": nodes, "edges": []obj{edge(text, model, "prompt"), edge(photo, model, "image_url")}}
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", good, &w), w)
		})
	}
}

// messageAt is the message of p's error at location ("" when none is).
func messageAt(t testing.TB, p obj, location string) string {
	t.Helper()
	requireLocation(t, p, location, "the refusal")
	for _, e := range p["errors"].([]any) {
		if e.(obj)["location"] == location {
			return e.(obj)["message"].(string)
		}
	}
	return ""
}
