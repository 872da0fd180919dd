package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/supabase"
)

// TestHostileInput sends what a hostile user sharing the server would, on
// SQLite and on Postgres: each case gets a clear 4xx or ends its own run
// FAILED with the reason, the server keeps serving, and the process's peak
// memory stays bounded.
func TestHostileInput(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			env := map[string]string{"DATA_DIR": dir, "UPLOAD_QUOTA_COUNT": "4"}
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			hostileUploads(t, c)
			hostileRuns(t, c, dir)
			hostileBodies(t, c)
			code, body := get(t, c.base+"/api/healthz")
			require.Equal(t, 200, code, "still serving: %s", body)
		})
	}
	peak := peakMemoryMB(t)
	t.Logf("peak memory of the test process (server, both databases, race detector if on): %.0f MB", peak)
	// The peak is the whole test process's: the creative tests running
	// beside this one compose 1080x1920 finals (the race detector multiplies
	// their memory). A bomb decoded would take gigabytes (7.2 GB for the
	// 30000x30000 PNG), so 1 GB still tells.
	require.Less(t, peak, 1024.0, "peak memory in MB")
}

// hostileUploads: bombs, disguised files, damaged files and the quota.
func hostileUploads(t *testing.T, c api) {
	code, out := upload(t, c.base, "image/png", bombPNG(t, 30000, 30000))
	require.Equal(t, 422, code, out)
	require.Contains(t, out["detail"], "30000x30000 (900.0 megapixels); the limit is 40 megapixels")
	code, out = upload(t, c.base, "image/png", []byte("<svg onload=alert(1)>"))
	require.Equal(t, 422, code, out)
	img, err := imaging.Preview("p", "m", 0, 64, 64)
	require.NoError(t, err)
	code, out = upload(t, c.base, "image/png", img[:len(img)/2])
	require.Equal(t, 422, code, "a PNG cut in half is refused: %v", out)
	require.Contains(t, out["detail"], "damaged")
	for range 4 {
		code, out = upload(t, c.base, "image/png", img)
		require.Equal(t, 200, code, out)
	}
	code, out = upload(t, c.base, "image/png", img)
	require.Equal(t, 413, code, "the fifth upload passes the quota of 4: %v", out)
	require.Contains(t, out["detail"], "limit (4 files")
}

// hostileRuns: inputs that would cost the process dearly end their own run.
func hostileRuns(t *testing.T, c api, dataDir string) {
	// A bomb already in storage (put there some other way) reaches OUTPUT.
	bomb := filepath.Join(dataDir, "files", "uploads", supabase.LocalUser.ID, "bomb.png")
	require.NoError(t, os.MkdirAll(filepath.Dir(bomb), 0o755))
	require.NoError(t, os.WriteFile(bomb, bombPNG(t, 30000, 30000), 0o644))
	for file, want := range map[string]string{"bomb.png": "the limit is 40 megapixels", "missing.png": "no such image"} {
		in, out := uuid.NewString(), uuid.NewString()
		g := obj{"nodes": []obj{node(in, "IMAGE_INPUT", "Photo", obj{"image_url": "/files/uploads/" + supabase.LocalUser.ID + "/" + file}),
			node(out, "OUTPUT", "Out", obj{"num_images": 1})}, "edges": []obj{edge(in, out, "image_urls")}}
		x, nodes := runGraph(t, c, g, "FAILED")
		msg := nodes["Out"]["error_message"].(string)
		require.Contains(t, msg, want)
		require.NotContains(t, msg, dataDir, "errors carry no server paths")
		require.Contains(t, x["error_message"], `node "Out" failed`)
	}

	// 2,000 copies of a long text: the prompt stops at its cap.
	text, prompt := uuid.NewString(), uuid.NewString()
	long := strings.Repeat("sneaker ", 1100)
	g := obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": long}),
		node(prompt, "PROMPT", "Prompt", obj{"template": strings.Repeat("{{text}}", 1250)})}, "edges": []obj{edge(text, prompt, "")}}
	_, nodes := runGraph(t, c, g, "FAILED")
	require.Contains(t, nodes["Prompt"]["error_message"], "longer than 2000 characters")

	// 300 edges from one long text into one prompt: its inputs pass the cap.
	text, prompt = uuid.NewString(), uuid.NewString()
	edges := make([]obj, 300)
	for i := range edges {
		edges[i] = edge(text, prompt, "v"+uuid.NewString()[:8])
	}
	g = obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": long}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "{{text}}"})}, "edges": edges}
	_, nodes = runGraph(t, c, g, "FAILED")
	require.Contains(t, nodes["Prompt"]["error_message"], "inputs are over the 1.0 MB")
	require.Nil(t, nodes["Prompt"]["input_data"], "oversized inputs are not stored")

	// A variable with thousands of dots costs no more than its length.
	text, prompt = uuid.NewString(), uuid.NewString()
	g = obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": "x"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "{{" + strings.Repeat("a.", 4990) + "a}}"})}, "edges": []obj{edge(text, prompt, "")}}
	_, nodes = runGraph(t, c, g, "FAILED")
	require.Contains(t, nodes["Prompt"]["error_message"], "which no connected node provides")
}

// hostileBodies: requests refused whole, at the field, changing nothing.
func hostileBodies(t *testing.T, c api) {
	var w, p obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "target"}, &w))
	graph := "/api/workflows/" + w["id"].(string) + "/graph"
	cases := []struct {
		method, path string
		body         obj
		status       int
		at           string
	}{
		{"PUT", graph, obj{"nodes": []obj{node(uuid.NewString(), "TEXT_INPUT", "T", obj{"value": strings.Repeat("x", 100_000)})}}, 422, "body.nodes[0].config.value"},
		{"PUT", graph, obj{"nodes": []obj{node(uuid.NewString(), "TEXT_INPUT", "T", obj{"value": "a\x00b"})}}, 422, "body.nodes[0].config.value"},
		{"PUT", graph, obj{"nodes": []obj{node(uuid.NewString(), "TEXT_INPUT", "T\x00", obj{"value": "x"})}}, 422, "body.nodes[0].name"},
		{"POST", "/api/workflows", obj{"name": "nul\x00name"}, 422, "body.name"},
		{"PUT", graph, obj{"nodes": []obj{node(uuid.NewString(), "PROMPT", "P", obj{"template": strings.Repeat("{{a}}", 3000)})}}, 422, "body.nodes[0].config.template"},
	}
	for _, tc := range cases {
		require.Equal(t, tc.status, c.call(tc.method, tc.path, tc.body, &p), "%s %s: %v", tc.method, tc.at, p)
		requireLocation(t, p, tc.at, tc.at)
	}
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+w["id"].(string), nil, &w))
	require.Empty(t, w["nodes"], "refused graphs changed nothing")
}
