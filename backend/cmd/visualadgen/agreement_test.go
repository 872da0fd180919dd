package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// registered lists the registry's node types, sorted.
func registered(t *testing.T) []string {
	var out []string
	for _, nt := range registryFor(t).Types() {
		out = append(out, string(nt))
	}
	sort.Strings(out)
	return out
}

// TestNodeTypesAgree compares every copy of the node-type list with the
// registry, its one home: the Postgres enum, the SQLite table the nodes
// refer to, the API's enum and the catalog the editor reads. When it fails,
// add the new type to both migrations (see supabase/migrations and
// internal/store/sqlite/migrations).
func TestNodeTypesAgree(t *testing.T) {
	ctx := context.Background()
	want := registered(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))

	pool, err := postgres.Open(ctx, pgtest.URL(t), quiet)
	require.NoError(t, err)
	defer pool.Close()
	pgList := func(sql string) []string {
		rows, err := pool.Query(ctx, sql)
		require.NoError(t, err)
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			require.NoError(t, rows.Scan(&s))
			out = append(out, s)
		}
		sort.Strings(out)
		return out
	}
	require.Equal(t, want, pgList(`select unnest(enum_range(null::node_type))::text`), "Postgres node_type enum")
	for _, s := range workflow.ExecutionStatuses {
		require.Contains(t, pgList(`select unnest(enum_range(null::execution_status))::text`), string(s))
	}
	var nodeStatuses []string
	for _, s := range workflow.NodeStatuses {
		nodeStatuses = append(nodeStatuses, string(s))
	}
	sort.Strings(nodeStatuses)
	require.Equal(t, nodeStatuses, pgList(`select unnest(enum_range(null::node_execution_status))::text`))

	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"), quiet)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.QueryContext(ctx, `select name from node_types order by name`)
	require.NoError(t, err)
	var lite []string
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		lite = append(lite, s)
	}
	require.NoError(t, rows.Close())
	require.Equal(t, want, lite, "SQLite node_types table")

	c := api{t: t, base: startServer(t, nil)}
	var doc, cat obj
	require.Equal(t, 200, c.call("GET", "/openapi.json", nil, &doc))
	enum := doc["components"].(obj)["schemas"].(obj)["GraphNode"].(obj)["properties"].(obj)["type"].(obj)["enum"].([]any)
	var api []string
	for _, e := range enum {
		api = append(api, e.(string))
	}
	sort.Strings(api)
	require.Equal(t, want, api, "the API's enum")
	require.Equal(t, 200, c.call("GET", "/api/node-types", nil, &cat))
	var served []string
	for _, s := range cat["node_types"].([]any) {
		served = append(served, s.(obj)["type"].(string))
	}
	sort.Strings(served)
	require.Equal(t, want, served, "the catalog the editor builds its palette from")
}
