package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// undoStoredFiles takes a database back to before the stored files
// migration (20261126000012) and the finals migration (20261126000014),
// as an older version left it.
const undoStoredFiles = `
drop table finals;
alter table generations drop column endpoint;
delete from visualadgen_private.schema_version where version_id = 20261126000014;
drop table stored_files;
drop function visualadgen_private.stored_file_gone();
drop table visualadgen_private.file_deletions;
drop type stored_file_kind;
delete from visualadgen_private.schema_version where version_id = 20261126000012`

// TestStoredFilesBackfill keeps, as a database from before stored files
// and final records would, an upload, a font, a run (generations, finals, a starter's sample
// photo) and a run in another workflow that reused its images, then applies
// the migration: every file a row names is recorded, and deleting the first
// workflow queues only the files the other run does not hold.
func TestStoredFilesBackfill(t *testing.T) {
	pool := pgtest.Pool(t)
	ctx := context.Background()
	_, err := pool.Exec(ctx, undoStoredFiles)
	require.NoError(t, err)
	ids := map[string]string{}
	for i, name := range []string{"U", "W", "W2", "IN", "M", "M2", "O", "UP", "F", "X", "X2", "G", "NM", "NO", "NM2"} {
		ids["{"+name+"}"] = fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1)
	}
	var pairs []string
	for k, v := range ids {
		pairs = append(pairs, k, v)
	}
	sub := strings.NewReplacer(pairs...).Replace
	for _, q := range []string{
		`insert into users (id, email) values ('{U}', 'u@example.com')`,
		`insert into workflows (id, user_id, name) values ('{W}', '{U}', 'w'), ('{W2}', '{U}', 'w2')`,
		`insert into nodes (id, workflow_id, type, name, config) values
			('{IN}', '{W}', 'IMAGE_INPUT', 'in', '{"image_url":"/files/uploads/{U}/sample-sneaker.png"}'),
			('{M}', '{W}', 'IMAGE_MODEL', 'm', '{}'), ('{O}', '{W}', 'OUTPUT', 'o', '{}'), ('{M2}', '{W2}', 'IMAGE_MODEL', 'm2', '{}')`,
		`insert into uploads (id, user_id, url, content_type, bytes, width, height) values ('{UP}', '{U}', '/files/uploads/{U}/up.png', 'image/png', 7, 1, 1)`,
		`insert into fonts (id, user_id, name, url, bytes) values ('{F}', '{U}', 'F', '/files/fonts/{U}/f.ttf', 9)`,
		`insert into executions (id, workflow_id, status) values ('{X}', '{W}', 'COMPLETED'), ('{X2}', '{W2}', 'COMPLETED')`,
		`insert into generations (id, execution_id, node_id, model_id, prompt, image_urls, aspect_ratio)
			values ('{G}', '{X}', '{M}', 'fal-ai/flux/schnell', 'p', array['/files/generations/x/a.png', '/files/generations/x/b.png'], '1:1')`,
		`insert into node_executions (id, execution_id, node_id, status, output_data) values
			('{NM}', '{X}', '{M}', 'COMPLETED', '{"image_urls":["/files/generations/x/a.png","/files/generations/x/b.png"]}'),
			('{NO}', '{X}', '{O}', 'COMPLETED', '{"finals":[{"url":"/files/outputs/x/f.png","bytes":123},{"url":"/files/generations/x/a.png","bytes":5}]}')`,
		`insert into node_executions (id, execution_id, node_id, status, output_data, reused_from) values
			('{NM2}', '{X2}', '{M2}', 'COMPLETED', '{"image_urls":["/files/generations/x/a.png"],"cost":0}', '{NM}')`,
	} {
		_, err := pool.Exec(ctx, sub(q))
		require.NoError(t, err, q)
	}
	require.NoError(t, postgresMigrate(pool))
	rows, err := pool.Query(ctx, `select url || ' ' || kind || ' ' || bytes || ' ' || coalesce(execution_id, upload_id, font_id, user_id)
		from stored_files order by 1`)
	require.NoError(t, err)
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Equal(t, []string{
		sub("/files/fonts/{U}/f.ttf font 9 {F}"),
		sub("/files/generations/x/a.png generation 0 {X}"),
		sub("/files/generations/x/a.png generation 0 {X2}"),
		sub("/files/generations/x/b.png generation 0 {X}"),
		sub("/files/outputs/x/f.png final 123 {X}"),
		sub("/files/uploads/{U}/sample-sneaker.png legacy 0 {U}"),
		sub("/files/uploads/{U}/up.png upload 7 {UP}"),
	}, got)
	rows, err = pool.Query(ctx, sub(`select position || ' ' || url || ' ' || bytes from finals where node_execution_id = '{NO}' order by position`))
	require.NoError(t, err)
	finals, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Equal(t, []string{"0 /files/outputs/x/f.png 123", "1 /files/generations/x/a.png 5"}, finals,
		"an Output's finals from before finals were records become records")

	_, err = pool.Exec(ctx, sub(`delete from workflows where id = '{W}'`))
	require.NoError(t, err)
	rows, err = pool.Query(ctx, `select url from visualadgen_private.file_deletions order by url`)
	require.NoError(t, err)
	queued, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Equal(t, []string{"/files/generations/x/b.png", "/files/outputs/x/f.png"}, queued, "a.png is held by the run that reused it")
}
