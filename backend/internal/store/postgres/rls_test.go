package postgres_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// as runs fn in a transaction under role (and the JWT claims of sub, if
// any), the way Supabase's API runs a user's query; it is rolled back.
func as(t *testing.T, pool *pgxpool.Pool, role, sub string, fn func(tx pgx.Tx)) {
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx.Rollback(ctx) }()
	_, err = tx.Exec(ctx, "set local role "+role)
	require.NoError(t, err)
	if sub != "" {
		claims, _ := json.Marshal(map[string]string{"sub": sub, "role": role})
		_, err = tx.Exec(ctx, "select set_config('request.jwt.claims', $1, true)", string(claims))
		require.NoError(t, err)
	}
	fn(tx)
}

// TestRowLevelSecurity reads public's tables from the catalog (so a table
// added later is checked with no edit here): every one has row level
// security, and for each, as Supabase's API roles, a signed-in user reaches
// exactly their own row and never another user's, and anon reaches none.
// Each user owns one row of every table, seeded through its foreign keys.
func TestRowLevelSecurity(t *testing.T) {
	pool := pgtest.Pool(t)
	tables := readTables(t, pool)
	var names, without []string
	for _, tb := range tables {
		names = append(names, tb.name)
		if !tb.rls {
			without = append(without, tb.name)
		}
	}
	require.GreaterOrEqual(t, len(names), 12, "public holds the app's tables: %v", names)
	assert.Empty(t, without, "every table in public has row level security enabled")
	require.Empty(t, unowned(tables), "the RLS test can tell whose rows these tables hold")
	a, b := seedUser(t, pool, tables), seedUser(t, pool, tables)
	for _, tb := range tables {
		t.Run(tb.name, func(t *testing.T) {
			checkUser(t, pool, tb, a, b)
			checkUser(t, pool, tb, b, a)
			checkAnon(t, pool, tb, a)
		})
	}
}

// rightsOf says which verbs the authenticated role has on a public table.
func rightsOf(t *testing.T, pool *pgxpool.Pool, table string) map[string]bool {
	out := map[string]bool{}
	for _, verb := range []string{"select", "insert", "update", "delete"} {
		out[verb] = hasRight(t, pool, "authenticated", table, verb)
	}
	return out
}

// hasRight says whether role has the table-level right verb on a public table.
func hasRight(t *testing.T, pool *pgxpool.Pool, role, table, verb string) bool {
	var ok bool
	require.NoError(t, pool.QueryRow(context.Background(), "select has_table_privilege($1, $2, $3)",
		role, identifier("public", table), verb).Scan(&ok))
	return ok
}

// refused checks that err is the refusal expected: "row-level security"
// where the role has the right (a policy refused the row), "permission
// denied" where it has not.
func refused(t *testing.T, err error, granted bool, what string) {
	t.Helper()
	want := "permission denied"
	if granted {
		want = "row-level security"
	}
	require.ErrorContains(t, err, want, what)
}

// checkUser checks, signed in as me, what me reaches of tb: with a right,
// exactly me's row (seen, changed, deleted, inserted) and never other's;
// without it, a refusal.
func checkUser(t *testing.T, pool *pgxpool.Pool, tb table, me, other owned) {
	t.Helper()
	r := rightsOf(t, pool, tb.name)
	name := identifier("public", tb.name)
	mine, theirs := me.rows[tb.name].text, other.rows[tb.name].text

	seen, err := rowsAs(t, pool, "authenticated", me.user, "select t::text from "+name+" t")
	if r["select"] {
		require.NoError(t, err)
		require.Equal(t, []string{mine}, seen, "a user sees exactly their own row")
	} else {
		refused(t, err, false, "select without the right")
	}

	for _, verb := range []string{"update", "delete"} {
		targeted, blind, blindArgs := writeSQL(tb, verb, me)
		n, err := execAs(t, pool, "authenticated", me.user, targeted, theirs)
		if !r[verb] {
			refused(t, err, false, verb+" without the right")
			continue
		}
		require.NoError(t, err, verb)
		require.Zero(t, n, "a user cannot %s another user's row", verb)
		n, err = execAs(t, pool, "authenticated", me.user, targeted, mine)
		require.NoError(t, err, verb)
		require.EqualValues(t, 1, n, "a user can %s their own row", verb)
		n, err = execAs(t, pool, "authenticated", me.user, blind, blindArgs...)
		require.NoError(t, err, verb)
		require.EqualValues(t, 1, n, "an unfiltered %s reaches only the user's own row", verb)
	}

	f, err := freshRow(tb, other)
	require.NoError(t, err)
	_, err = execAs(t, pool, "authenticated", me.user, insertSQL(tb, f, false), f.args()...)
	refused(t, err, r["insert"], "a row of another user's is never inserted")
	if tb.name == rootTable && r["insert"] {
		return // a user's own row of users is the one they have
	}
	f, err = freshRow(tb, me)
	require.NoError(t, err)
	_, err = execAs(t, pool, "authenticated", me.user, insertSQL(tb, f, false), f.args()...)
	if r["insert"] {
		require.NoError(t, err, "a user can insert a row of their own")
	} else {
		refused(t, err, false, "insert without the right")
	}
}

// checkAnon checks that anon (no signed-in user) reaches nothing of tb:
// it sees no row and changes, deletes and inserts none.
func checkAnon(t *testing.T, pool *pgxpool.Pool, tb table, someone owned) {
	t.Helper()
	name := identifier("public", tb.name)
	seen, err := rowsAs(t, pool, "anon", "", "select t::text from "+name+" t")
	if err == nil {
		require.Empty(t, seen, "anon sees no row")
	} else {
		refused(t, err, false, "anon's select")
	}
	for _, verb := range []string{"update", "delete"} {
		targeted, blind, blindArgs := writeSQL(tb, verb, someone)
		for _, q := range []struct {
			sql  string
			args []any
		}{{targeted, []any{someone.rows[tb.name].text}}, {blind, blindArgs}} {
			n, err := execAs(t, pool, "anon", "", q.sql, q.args...)
			if err == nil {
				require.Zero(t, n, "anon changes no row: %s", q.sql)
			} else {
				refused(t, err, false, "anon's "+verb)
			}
		}
	}
	f, err := freshRow(tb, someone)
	require.NoError(t, err)
	_, err = execAs(t, pool, "anon", "", insertSQL(tb, f, false), f.args()...)
	refused(t, err, hasRight(t, pool, "anon", tb.name, "insert"), "anon inserts no row")
}

// TestMigrateTwice checks that applying the schema again changes nothing.
func TestMigrateTwice(t *testing.T) {
	pool := pgtest.Pool(t)
	require.NoError(t, postgresMigrate(pool))
}

// TestMigrateMovesOldBookkeeping starts from a database whose migrations
// were recorded in public (before the private schema): the record moves
// and nothing is applied twice.
func TestMigrateMovesOldBookkeeping(t *testing.T) {
	pool := pgtest.Pool(t)
	ctx := context.Background()
	_, err := pool.Exec(ctx, `alter table visualadgen_private.schema_version rename to visualadgen_schema_version;
		alter table visualadgen_private.visualadgen_schema_version set schema public`)
	require.NoError(t, err)
	require.NoError(t, postgresMigrate(pool), "no migration runs again")
	var moved bool
	require.NoError(t, pool.QueryRow(ctx, `select to_regclass('visualadgen_private.schema_version') is not null
		and to_regclass('public.visualadgen_schema_version') is null`).Scan(&moved))
	require.True(t, moved)
}
