package main

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestKnownFailuresAreRefusedBeforeTheRun starts runs whose failure is
// known beforehand, on SQLite and Postgres: a Prompt using {{text}} that
// nothing connected provides, beside a valid branch that would have been
// SKIPPED; and the Reddit starter on a server without RAPIDAPI_KEY. Each is
// refused with 422 naming the node and the field, and no run is created;
// a run "until" the valid branch, which does not need the broken node,
// still runs.
func TestKnownFailuresAreRefusedBeforeTheRun(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			c := api{t: t, base: startServer(t, withDatabase(t, kind, map[string]string{}))}
			text, good, lonely := uuid.NewString(), uuid.NewString(), uuid.NewString()
			g := obj{"nodes": []obj{node(text, "TEXT_INPUT", "Product", obj{"value": "sneakers"}),
				node(good, "PROMPT", "Good prompt", obj{"template": "An ad for {{text}}"}),
				node(lonely, "PROMPT", "Lonely prompt", obj{"template": "A photo of {{text}}"})},
				"edges": []obj{edge(text, good, "")}}
			var w, p, list obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "half wired"}, &w))
			id := w["id"].(string)
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
			require.NotEmpty(t, w["warnings"], "saving says what a run would refuse")
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/execute", nil, &p), p)
			requireLocation(t, p, "body.nodes[2].config.template", "the unconnected variable")
			require.Contains(t, p["detail"], `"Lonely prompt"`, "the answer names the node")
			require.Equal(t, 200, c.call("GET", "/api/workflows/"+id+"/executions", nil, &list))
			require.Empty(t, list["executions"], "a refused run creates nothing")
			var x obj
			require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", obj{"until": good}, &x), x)
			c.waitStatus(x["execution_id"].(string), "COMPLETED")

			var reddit obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "trend", "starter": "reddit-trend-to-ad"}, &reddit), reddit)
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+reddit["id"].(string)+"/execute", nil, &p), p)
			require.Contains(t, p["detail"], "RAPIDAPI_KEY")
			at := ""
			for i, n := range reddit["nodes"].([]any) {
				if n.(obj)["type"] == "SOCIAL_MEDIA" {
					at = "body.nodes[" + string(rune('0'+i)) + "]"
				}
			}
			requireLocation(t, p, at, "the node this server cannot run")
			require.Equal(t, 200, c.call("GET", "/api/workflows/"+reddit["id"].(string)+"/executions", nil, &list))
			require.Empty(t, list["executions"])
		})
	}
}
