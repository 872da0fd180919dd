package main

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestBadRequestsChangeNothing sends broken input: each gets a clear
// problem+json answer naming what is wrong, and the workflow is unchanged.
func TestBadRequestsChangeNothing(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	var w obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "Keep me"}, &w))
	id := w["id"].(string)
	good := obj{"nodes": []obj{{"id": uuid.NewString(), "type": "TEXT_INPUT", "name": "t", "config": obj{"value": "x"}}}}
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", good, nil))

	a, b := uuid.NewString(), uuid.NewString()
	cases := map[string]struct {
		method, path string
		body         any
		status       int
		detail       string
	}{
		"cycle": {"PUT", "/api/workflows/" + id + "/graph", obj{"nodes": []obj{
			{"id": a, "type": "PROMPT", "name": "p1", "config": obj{"template": "x"}}, {"id": b, "type": "PROMPT", "name": "p2", "config": obj{"template": "y"}}},
			"edges": []obj{{"source_node_id": a, "target_node_id": b}, {"source_node_id": b, "target_node_id": a}}}, 422, `cycle: "p1" -> "p2" -> "p1"`},
		"bad config":    {"PUT", "/api/workflows/" + id + "/graph", obj{"nodes": []obj{{"id": a, "type": "OUTPUT", "name": "o", "config": obj{"aspect_ratio": "2:1"}}}}, 422, "aspect_ratio"},
		"unknown type":  {"PUT", "/api/workflows/" + id + "/graph", obj{"nodes": []obj{{"id": a, "type": "VIDEO", "name": "v"}}}, 422, "validation failed"},
		"unknown field": {"POST", "/api/workflows", obj{"name": "x", "color": "red"}, 422, "validation failed"},
		"empty name":    {"POST", "/api/workflows", obj{"name": ""}, 422, "validation failed"},
		"missing":       {"GET", "/api/workflows/" + uuid.NewString(), nil, 404, "workflow not found"},
		"not a uuid":    {"GET", "/api/executions/nope", nil, 422, "validation failed"},
		"wrong state":   {"POST", "/api/executions/" + uuid.NewString() + "/cancel", nil, 404, "execution not found"},
	}
	for name, tc := range cases {
		var p obj
		require.Equal(t, tc.status, c.call(tc.method, tc.path, tc.body, &p), name)
		require.Contains(t, p["detail"], tc.detail, name)
	}
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+id, nil, &w))
	require.Len(t, w["nodes"], 1, "refused graphs changed nothing")
	require.Equal(t, "Keep me", w["name"])

	var doc obj
	require.Equal(t, 200, c.call("GET", "/openapi.json", nil, &doc))
	paths := doc["paths"].(obj)
	for _, p := range []string{"/api/workflows/{workflow_id}/execute", "/api/executions/{execution_id}/step",
		"/api/executions/{execution_id}/cancel", "/api/social/reddit", "/api/executions/{execution_id}/events",
		"/api/workflows/{id}/graph", "/api/node-types", "/api/uploads", "/api/config"} {
		require.Contains(t, paths, p)
	}
	var types obj
	require.Equal(t, 200, c.call("GET", "/api/node-types", nil, &types))
	require.Len(t, types["node_types"], len(registryFor(t).Types()))
}
