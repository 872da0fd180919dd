package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// manifestOf downloads a run's zip and reads its manifest's images.
func manifestOf(t *testing.T, c api, id string) []obj {
	t.Helper()
	res, err := http.Get(c.base + "/api/executions/" + id + "/export")
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
	body, _ := io.ReadAll(res.Body)
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	require.NoError(t, err)
	var m struct {
		Images []obj `json:"images"`
	}
	for _, f := range z.File {
		if f.Name == "manifest.json" {
			r, _ := f.Open()
			require.NoError(t, json.NewDecoder(r).Decode(&m))
		}
	}
	return m.Images
}

// requireAgree checks that a run's finals (GET /api/executions/{id}) and
// its zip's manifest describe the same ads, field by field.
func requireAgree(t *testing.T, c api, run obj) {
	t.Helper()
	var x obj
	require.Equal(t, 200, c.call("GET", "/api/executions/"+run["id"].(string), nil, &x))
	finals := x["finals"].([]any)
	manifest := manifestOf(t, c, run["id"].(string))
	require.Len(t, manifest, len(finals))
	byID := map[string]obj{}
	for _, f := range finals {
		byID[f.(obj)["id"].(string)] = f.(obj)
	}
	for _, m := range manifest {
		f, ok := byID[m["final"].(string)]
		require.True(t, ok, "the manifest names a final the run lists: %v", m["final"])
		for mk, fk := range map[string]string{"placement": "placement", "ratio": "ratio", "width": "width", "height": "height",
			"model": "model_id", "endpoint": "endpoint", "prompt": "prompt", "seed": "seed", "cost": "cost", "texts": "texts"} {
			require.Equal(t, f[fk], m[mk], "%s of final %s", mk, f["id"])
		}
		require.NotEmpty(t, m["model"], "what made it is known")
		require.Equal(t, 42.0, m["seed"])
		require.Equal(t, "fal-ai/flux/schnell", m["endpoint"])
	}
}

// TestFinalsAreRecords runs the three-placement creative on SQLite and
// Postgres with the fake FAL, then runs it again unchanged (the Output is
// reused) and with a new headline (the picture is reused, the Output runs
// anew). Every run lists its finals as records with ids and what made them
// (model, endpoint, prompt, seed, cost share, texts), the zip's manifest
// agrees with that list on every final, and the reused run's finals name
// the finals they reused.
func TestFinalsAreRecords(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, nil)
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			p := newPayGraph()
			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "records"}, &w))
			id := w["id"].(string)

			first, _ := rerun(t, c, id, p.body("An ad for {{text}}", 1, "Spring"), nil)
			requireAgree(t, c, first)
			again, nodes := rerun(t, c, id, p.body("An ad for {{text}}", 1, "Spring"), nil)
			require.NotNil(t, nodes[p.out]["reused_from"], "the Output is reused")
			requireAgree(t, c, again)
			var x obj
			require.Equal(t, 200, c.call("GET", "/api/executions/"+again["id"].(string), nil, &x))
			for _, f := range x["finals"].([]any) {
				require.NotNil(t, f.(obj)["reused_from"], "a reused final names the final it reused")
			}
			summer, nodes := rerun(t, c, id, p.body("An ad for {{text}}", 1, "Summer"), nil)
			require.Nil(t, nodes[p.out]["reused_from"], "a new headline draws the Output anew")
			require.NotNil(t, nodes[p.model]["reused_from"], "on the picture paid for before")
			requireAgree(t, c, summer)
			require.Equal(t, 200, c.call("GET", "/api/executions/"+summer["id"].(string), nil, &x))
			require.Equal(t, "Summer", x["finals"].([]any)[0].(obj)["texts"].(obj)["headline"])
			require.Equal(t, 1, fake.Count("submit"), "one picture for three runs")

			var list obj
			require.Equal(t, 200, c.call("GET", "/api/workflows", nil, &list))
			thumb := list["workflows"].([]any)[0].(obj)["last_run"].(obj)["image_url"]
			require.Equal(t, x["finals"].([]any)[0].(obj)["url"], thumb, "the workflow list shows the run's first final")
		})
	}
}
