package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
)

// writeAround runs SQL on a server's database directly, as a client of
// Supabase's Data API (or anyone with the database) could, around the API.
func writeAround(t *testing.T, kind string, env map[string]string, query string, args ...any) {
	t.Helper()
	ctx := context.Background()
	if kind == "postgres" {
		conn, err := pgx.Connect(ctx, env["DATABASE_URL"])
		require.NoError(t, err)
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, query, args...)
		require.NoError(t, err)
		return
	}
	db, err := sqlite.Open(ctx, filepath.Join(env["DATA_DIR"], "visualadgen.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer db.Close()
	_, err = db.ExecContext(ctx, query, args...)
	require.NoError(t, err)
}

// outputs is TEXT -> PROMPT -> IMAGE_MODEL feeding one Output per entry
// of images (each at two placements), and the Outputs' and the text's ids.
func outputs(images ...int) (obj, []string, string) {
	text, prompt, model := uuid.NewString(), uuid.NewString(), uuid.NewString()
	g := obj{"nodes": []obj{node(text, "TEXT_INPUT", "Product", obj{"value": "sneakers"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}}"}),
		node(model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell"})},
		"edges": []obj{edge(text, prompt, ""), edge(prompt, model, "prompt")}}
	var outs []string
	for i, n := range images {
		id := uuid.NewString()
		outs = append(outs, id)
		g["nodes"] = append(g["nodes"].([]obj), node(id, "OUTPUT", fmt.Sprint("Ads ", i), obj{"num_images": n,
			"placements": []string{"meta_feed_square", "meta_stories"}}))
		g["edges"] = append(g["edges"].([]obj), edge(model, id, "image_urls"))
	}
	return g, outs, text
}

// TestFanoutIsBounded runs a server allowing 6 nodes a run, 4 final ads an
// Output and 6 a run, on SQLite and Postgres. A graph over a limit is
// refused when it is saved, priced or run, at the place to change; one
// made over the limits straight in the database (as Supabase's Data API
// could) is refused when it is run, and no run is created.
func TestFanoutIsBounded(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			env := withDatabase(t, kind, map[string]string{"DATA_DIR": t.TempDir(), "MAX_RUN_NODES": "6",
				"MAX_FINALS_PER_OUTPUT": "4", "MAX_FINALS_PER_RUN": "6"})
			c := api{t: t, base: startServer(t, env)}
			var w, p obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "fan-out"}, &w))
			id := w["id"].(string)

			g, _, _ := outputs(3) // two placements x three images: 6 finals from one Output
			require.Equal(t, 422, c.call("PUT", "/api/workflows/"+id+"/graph", g, &p), p)
			requireLocation(t, p, "body.nodes[3].config.num_images", "one Output may deliver at most 4")
			g, _, _ = outputs(2, 2) // 4 + 4 finals in one run
			require.Equal(t, 422, c.call("PUT", "/api/workflows/"+id+"/graph", g, &p), p)
			requireLocation(t, p, "body.nodes", "one run may deliver at most 6")
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/estimate", obj{"nodes": g["nodes"], "edges": g["edges"]}, &p), p)
			requireLocation(t, p, "body.nodes", "one run may deliver at most 6")

			g, outs, text := outputs(1) // 2 finals, 4 nodes: within every limit
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
			writeAround(t, kind, env, `update nodes set config = $1 where id = $2`,
				`{"num_images":16,"placements":["meta_feed_square","meta_stories","meta_reels"]}`, outs[0])
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/execute", nil, &p), p)
			requireLocation(t, p, "body.nodes[3].config.num_images", "one Output may deliver at most 4")
			writeAround(t, kind, env, `update nodes set config = $1 where id = $2`, `{"num_images":1,"placements":["meta_feed_square"]}`, outs[0])
			for i := range 3 { // three more nodes, seven in all
				writeAround(t, kind, env, `insert into nodes (id, workflow_id, type, name, config) select $1, workflow_id, type, $2, config from nodes where id = $3`,
					uuid.NewString(), fmt.Sprint("Copy ", i), text)
			}
			require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/execute", nil, &p), p)
			requireLocation(t, p, "body.nodes", "a run may have at most 6")
			var list obj
			require.Equal(t, 200, c.call("GET", "/api/workflows/"+id+"/executions", nil, &list))
			require.Empty(t, list["executions"], "nothing was run")
		})
	}
}
