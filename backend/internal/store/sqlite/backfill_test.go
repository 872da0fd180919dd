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

// TestStoredFilesBackfill applies the schema before stored files, keeps an
// upload, a font, a run (generations, finals, a starter's sample photo) and
// a run in another workflow that reused its images, then applies the rest:
// every file a row names is recorded, and deleting the first workflow
// queues only the files the other run does not hold.
func TestStoredFilesBackfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	require.NoError(t, err)
	db.SetMaxOpenConns(1)
	sub, _ := fs.Sub(migrations, "migrations")
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub, goose.WithTableName("visualadgen_schema_version"))
	require.NoError(t, err)
	_, err = p.UpTo(ctx, 9)
	require.NoError(t, err)
	for _, q := range []string{
		`insert into users (id, email) values ('u', 'u@example.com')`,
		`insert into workflows (id, user_id, name) values ('w', 'u', 'w'), ('w2', 'u', 'w2')`,
		`insert into nodes (id, workflow_id, type, name, config) values
			('in', 'w', 'IMAGE_INPUT', 'in', '{"image_url":"/files/uploads/u/sample-sneaker.png"}'),
			('m', 'w', 'IMAGE_MODEL', 'm', '{}'), ('o', 'w', 'OUTPUT', 'o', '{}'), ('m2', 'w2', 'IMAGE_MODEL', 'm2', '{}')`,
		`insert into uploads (id, user_id, url, content_type, bytes, width, height) values ('up', 'u', '/files/uploads/u/up.png', 'image/png', 7, 1, 1)`,
		`insert into fonts (id, user_id, name, url, bytes) values ('f', 'u', 'F', '/files/fonts/u/f.ttf', 9)`,
		`insert into executions (id, workflow_id, status) values ('x', 'w', 'COMPLETED'), ('x2', 'w2', 'COMPLETED')`,
		`insert into generations (id, execution_id, node_id, model_id, prompt, image_urls, aspect_ratio)
			values ('g', 'x', 'm', 'fal-ai/flux/schnell', 'p', '["/files/generations/x/a.png", "/files/generations/x/b.png"]', '1:1')`,
		`insert into node_executions (id, execution_id, node_id, status, output_data) values
			('nm', 'x', 'm', 'COMPLETED', '{"image_urls":["/files/generations/x/a.png","/files/generations/x/b.png"]}'),
			('no', 'x', 'o', 'COMPLETED', '{"finals":[{"url":"/files/outputs/x/f.png","bytes":123},{"url":"/files/generations/x/a.png","bytes":5}]}')`,
		`insert into node_executions (id, execution_id, node_id, status, output_data, reused_from) values
			('nm2', 'x2', 'm2', 'COMPLETED', '{"image_urls":["/files/generations/x/a.png"],"cost":0}', 'nm')`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	require.NoError(t, db.Close())

	db, err = Open(ctx, path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer db.Close()
	got := rowsOf(t, db, `select url || ' ' || kind || ' ' || bytes || ' ' || coalesce(execution_id, upload_id, font_id, user_id)
		from stored_files order by 1`)
	require.Equal(t, []string{
		"/files/fonts/u/f.ttf font 9 f",
		"/files/generations/x/a.png generation 0 x",
		"/files/generations/x/a.png generation 0 x2",
		"/files/generations/x/b.png generation 0 x",
		"/files/outputs/x/f.png final 123 x",
		"/files/uploads/u/sample-sneaker.png legacy 0 u",
		"/files/uploads/u/up.png upload 7 up",
	}, got)
	require.Equal(t, []string{"0 /files/outputs/x/f.png 123", "1 /files/generations/x/a.png 5"},
		rowsOf(t, db, `select position || ' ' || url || ' ' || bytes from finals where node_execution_id = 'no' order by position`),
		"an Output's finals from before finals were records become records")

	_, err = db.ExecContext(ctx, `delete from workflows where id = 'w'`)
	require.NoError(t, err)
	require.Equal(t, []string{"/files/generations/x/b.png", "/files/outputs/x/f.png"},
		rowsOf(t, db, `select url from file_deletions order by url`), "a.png is held by the run that reused it")
}

// rowsOf reads a one-column query's rows as text.
func rowsOf(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rs, err := db.QueryContext(context.Background(), q)
	require.NoError(t, err)
	defer rs.Close()
	var out []string
	for rs.Next() {
		var s string
		require.NoError(t, rs.Scan(&s))
		out = append(out, s)
	}
	require.NoError(t, rs.Err())
	return out
}
