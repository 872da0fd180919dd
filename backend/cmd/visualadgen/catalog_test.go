package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
)

// registryFor is the production registry, for tests that compare lists
// with it.
func registryFor(t *testing.T) *executor.Registry {
	t.Helper()
	reg, err := registry(config.Config{}, blob.Local{Dir: t.TempDir(), Prefix: "/files"}, &reddit.Client{}, imaging.NewBudget(1, 1), nil, nil)
	require.NoError(t, err)
	return reg
}

// samples are valid values for required fields that have no default.
var samples = map[string]any{"value": "red sneakers", "image_url": "https://example.com/a.png", "subreddit": "sneakers"}

// limitCase is one config the served schema forbids, and where the server
// must say so.
type limitCase struct {
	what   string
	config obj
	at     string // location relative to the node's config
}

// limitCases walks a served schema and makes, for every limit in it, a
// config that breaks only that limit.
func limitCases(schema obj, base obj, prefix string) []limitCase {
	var out []limitCase
	props, _ := schema["properties"].(obj)
	out = append(out, limitCase{"unknown field", with(base, prefix+"__extra__", true), prefix + "__extra__"})
	for name, p := range props {
		prop := p.(obj)
		path := prefix + name
		if prop["type"] == "object" {
			out = append(out, limitCases(prop, base, path+".")...)
			continue
		}
		num := prop["type"] == "integer" || prop["type"] == "number"
		step := 1.0
		if prop["type"] == "number" {
			step = 0.001
		}
		if v, ok := prop["minimum"].(float64); ok && num {
			out = append(out, limitCase{"below minimum", with(base, path, v-step), path})
		}
		if v, ok := prop["maximum"].(float64); ok && num {
			out = append(out, limitCase{"above maximum", with(base, path, v+step), path})
		}
		if prop["type"] == "integer" {
			out = append(out, limitCase{"not whole", with(base, path, 1.5), path})
		}
		if v, ok := prop["maxLength"].(float64); ok {
			out = append(out, limitCase{"too long", with(base, path, strings.Repeat("a", int(v)+1)), path})
		}
		if v, ok := prop["minLength"].(float64); ok && v > 0 {
			out = append(out, limitCase{"too short", with(base, path, ""), path})
		}
		if _, ok := prop["enum"]; ok {
			out = append(out, limitCase{"not a choice", with(base, path, "__not_a_choice__"), path})
		}
		if _, ok := prop["pattern"]; ok {
			out = append(out, limitCase{"pattern", with(base, path, "!! ??"), path})
		}
	}
	return out
}

// with returns a copy of base with the dotted path set to v.
func with(base obj, path string, v any) obj {
	out := deepCopy(base)
	cur := out
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := cur[p].(obj)
		if !ok {
			next = obj{}
		}
		next = deepCopy(next)
		cur[p] = next
		cur = next
	}
	cur[parts[len(parts)-1]] = v
	return out
}

// deepCopy copies a JSON object.
func deepCopy(o obj) obj {
	out := obj{}
	for k, v := range o {
		if m, ok := v.(obj); ok {
			v = deepCopy(m)
		}
		out[k] = v
	}
	return out
}

// baseConfig is a valid config of a node type: its defaults plus samples
// for required fields.
func baseConfig(spec obj) obj {
	base := deepCopy(spec["defaults"].(obj))
	schema := spec["config_schema"].(obj)
	req, _ := schema["required"].([]any)
	for _, r := range req {
		if _, ok := base[r.(string)]; !ok {
			base[r.(string)] = samples[r.(string)]
		}
	}
	return base
}

// TestEveryServedLimitIsEnforced walks the catalog as served and proves the
// server refuses every limit in every node type's schema (and every model's
// own ranges) with 422 at the field, and accepts the defaults.
func TestEveryServedLimitIsEnforced(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	var w, cat obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "limits"}, &w))
	graphURL := "/api/workflows/" + w["id"].(string) + "/graph"
	require.Equal(t, 200, c.call("GET", "/api/node-types", nil, &cat))
	checked := 0
	for _, s := range cat["node_types"].([]any) {
		spec := s.(obj)
		typ, base := spec["type"].(string), baseConfig(spec)
		node := func(cfg obj) obj { return obj{"id": uuid.NewString(), "type": typ, "name": "n", "config": cfg} }
		var p obj
		require.Equal(t, 200, c.call("PUT", graphURL, obj{"nodes": []obj{node(base)}}, &p), "%s defaults: %v", typ, p)
		for _, lc := range limitCases(spec["config_schema"].(obj), base, "") {
			require.Equal(t, 422, c.call("PUT", graphURL, obj{"nodes": []obj{node(lc.config)}}, &p), "%s %s %s", typ, lc.what, lc.at)
			requireLocation(t, p, "body.nodes[0].config."+lc.at, typ+" "+lc.what)
			checked++
		}
		models, _ := spec["config_schema"].(obj)["x-models"].([]any)
		for _, m := range models {
			checked += checkModelRanges(t, c, graphURL, typ, m.(obj))
		}
	}
	t.Logf("%d limits refused at their field", checked)
}

// checkModelRanges breaks each range of each endpoint of one model: the
// image-to-image ranges with a photo connected.
func checkModelRanges(t *testing.T, c api, graphURL, typ string, m obj) int {
	n := 0
	for key, photo := range map[string]bool{"text_to_image": false, "image_to_image": true} {
		ep, ok := m[key].(obj)
		if !ok {
			continue
		}
		for name, r := range ep["params"].(obj) {
			for _, bound := range []string{"minimum", "maximum"} {
				v, ok := r.(obj)[bound].(float64)
				if !ok {
					continue
				}
				bad := v - 0.001
				if bound == "maximum" {
					bad = v + 0.001
				}
				model := obj{"id": uuid.NewString(), "type": typ, "name": "m",
					"config": obj{"model": m["id"], "parameters": obj{name: bad}}}
				g := obj{"nodes": []obj{model}}
				if photo {
					img := obj{"id": uuid.NewString(), "type": "IMAGE_INPUT", "name": "photo", "config": obj{"image_url": samples["image_url"]}}
					g = obj{"nodes": []obj{model, img}, "edges": []obj{{"source_node_id": img["id"], "target_node_id": model["id"], "target_handle": "image_url"}}}
				}
				var p obj
				what := fmt.Sprintf("%s %s %s %s %v", m["id"], key, name, bound, bad)
				require.Equal(t, 422, c.call("PUT", graphURL, g, &p), what)
				requireLocation(t, p, "body.nodes[0].config.parameters."+name, what)
				n++
			}
		}
	}
	return n
}

// requireLocation fails unless the problem names location.
func requireLocation(t testing.TB, p obj, location, what string) {
	t.Helper()
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if e.(obj)["location"] == location {
			return
		}
	}
	t.Fatalf("%s: no error at %s in %v", what, location, p)
}
