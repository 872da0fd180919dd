package sqlite

import (
	"context"
	"database/sql"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"
	"github.com/stretchr/testify/require"
)

// TestNodeTypesMigrationKeepsData applies the first schema, stores a graph
// with a run, then applies the rest: the nodes table is rebuilt around the
// node_types table and every row, and every reference to it, survives; the
// run's generation is in the spend ledger, which outlives the workflow.
func TestNodeTypesMigrationKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	require.NoError(t, err)
	db.SetMaxOpenConns(1)
	sub, _ := fs.Sub(migrations, "migrations")
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub, goose.WithTableName("visualadgen_schema_version"))
	require.NoError(t, err)
	_, err = p.UpTo(ctx, 1)
	require.NoError(t, err)
	for _, q := range []string{
		`insert into users (id, email) values ('u', 'u@example.com')`,
		`insert into workflows (id, user_id, name) values ('w', 'u', 'w')`,
		`insert into nodes (id, workflow_id, type, name) values ('a', 'w', 'TEXT_INPUT', 'a'), ('b', 'w', 'PROMPT', 'b')`,
		`insert into edges (id, workflow_id, source_node_id, target_node_id) values ('e', 'w', 'a', 'b')`,
		`insert into executions (id, workflow_id) values ('x', 'w')`,
		`insert into node_executions (id, execution_id, node_id) values ('ne', 'x', 'a')`,
		`insert into generations (id, execution_id, model_id, prompt, image_urls, aspect_ratio, cost)
			values ('g', 'x', 'fal-ai/flux/schnell', 'p', '["a", "b"]', '1:1', 0.006)`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	require.NoError(t, db.Close())

	db, err = Open(ctx, path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer db.Close()
	var nodes, edges, nes int
	require.NoError(t, db.QueryRowContext(ctx, `select (select count(*) from nodes), (select count(*) from edges),
		(select count(*) from node_executions)`).Scan(&nodes, &edges, &nes))
	require.Equal(t, [3]int{2, 1, 1}, [3]int{nodes, edges, nes})
	_, err = db.ExecContext(ctx, `insert into nodes (id, workflow_id, type, name) values ('c', 'w', 'VIDEO', 'c')`)
	require.Error(t, err, "an unknown node type is refused")
	_, err = db.ExecContext(ctx, `delete from nodes where id = 'a'`)
	require.NoError(t, err)
	require.NoError(t, db.QueryRowContext(ctx, `select (select count(*) from edges), (select count(*) from node_executions)`).Scan(&edges, &nes))
	require.Equal(t, [2]int{0, 0}, [2]int{edges, nes}, "references to nodes still cascade")

	_, err = db.ExecContext(ctx, `delete from workflows where id = 'w'`)
	require.NoError(t, err)
	var images int
	var spent float64
	require.NoError(t, db.QueryRowContext(ctx, `select images, amount from spend_ledger where user_id = 'u'`).Scan(&images, &spent))
	require.Equal(t, 2, images)
	require.InDelta(t, 0.006, spent, 1e-9, "the spend stays when its workflow goes")
}
