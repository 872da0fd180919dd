package postgres_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
)

// allowed is every table-level right the API roles have: what the brief's
// policies need for a signed-in user, and nothing for anon.
var allowed = map[string]bool{
	"authenticated users select": true, "authenticated users update": true,
	"authenticated workflows select": true, "authenticated workflows insert": true,
	"authenticated workflows update": true, "authenticated workflows delete": true,
	"authenticated nodes select": true, "authenticated nodes insert": true,
	"authenticated nodes update": true, "authenticated nodes delete": true,
	"authenticated edges select": true, "authenticated edges insert": true,
	"authenticated edges update": true, "authenticated edges delete": true,
	"authenticated executions select": true, "authenticated node_executions select": true,
	"authenticated generations select": true, "authenticated finals select": true, "authenticated uploads select": true,
	"authenticated fonts select": true, "authenticated brand_kits select": true,
	"authenticated brand_kits insert": true, "authenticated brand_kits update": true,
	"authenticated brand_kits delete": true,
}

// TestAPIRolesReachOnlyWhatPoliciesAllow connects as anon and as
// authenticated and tries every verb on every table of every schema the
// backend creates (the brief's, ours, River's, the migrations' bookkeeping):
// only the rights in allowed exist.
func TestAPIRolesReachOnlyWhatPoliciesAllow(t *testing.T) {
	pool := pgtest.Pool(t)
	seedUser(t, pool, readTables(t, pool))
	ctx := context.Background()
	_, err := queue.NewPostgres(ctx, pool, queue.Config{Workers: 1}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err, "River's tables are part of the surface")
	rows, err := pool.Query(ctx, `select schemaname || '.' || tablename from pg_tables
		where schemaname in ('public', 'river', 'visualadgen_private') order by 1`)
	require.NoError(t, err)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Contains(t, tables, "visualadgen_private.schema_version", "the bookkeeping is out of public")
	require.Contains(t, tables, "river.river_job")
	require.NotContains(t, tables, "public.visualadgen_schema_version")
	verbs := map[string]string{
		"select": "select 1 from %s limit 1",
		"insert": "insert into %s default values",
		"update": "update %[1]s set %[2]s = %[2]s where false",
		"delete": "delete from %s where false",
	}
	var got []string
	for _, role := range []string{"anon", "authenticated"} {
		for _, table := range tables {
			for verb, q := range verbs {
				if verb == "update" {
					q = fmt.Sprintf(q, table, firstColumn(t, pool, table))
				} else {
					q = fmt.Sprintf(q, table)
				}
				if reached(t, pool, role, q) {
					got = append(got, role+" "+strings.TrimPrefix(table, "public.")+" "+verb)
				}
			}
		}
	}
	sort.Strings(got)
	for _, g := range got {
		require.True(t, allowed[g], "%s is not allowed", g)
	}
	require.Len(t, got, len(allowed), "every allowed right exists: %v", got)
}

// reached reports whether role passed the table-level privilege check for
// q (it may still fail later, on a policy or a constraint).
func reached(t *testing.T, pool *pgxpool.Pool, role, q string) bool {
	var ok bool
	as(t, pool, role, "00000000-0000-4000-8000-0000000000aa", func(tx pgx.Tx) {
		_, err := tx.Exec(context.Background(), q)
		ok = err == nil || !strings.Contains(err.Error(), "permission denied")
	})
	return ok
}

// firstColumn names a table's first column (an update of it to itself needs
// only the update right).
func firstColumn(t *testing.T, pool *pgxpool.Pool, table string) string {
	schema, name, _ := strings.Cut(table, ".")
	var col string
	require.NoError(t, pool.QueryRow(context.Background(), `select column_name from information_schema.columns
		where table_schema = $1 and table_name = $2 order by ordinal_position limit 1`, schema, name).Scan(&col))
	return col
}
