package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"
)

// rootTable is the table whose rows are the users themselves: a row of it
// belongs to the user whose id it holds (auth.uid() = users.id).
const rootTable = "users"

// column is one column of a public table, as the catalog describes it.
type column struct {
	name       string
	typ        string // format_type: what a generated value is cast to
	category   string // pg_type.typcategory: S string, N number, A array, ...
	notNull    bool
	hasDefault bool
	primary    bool   // part of the primary key
	enumFirst  string // an enum's first label ("" for other types)
	ref        *ref   // the table and column a foreign key on it points to
}

// ref is where a foreign key points. A key of several columns, or into
// another schema, is marked unsupported (the generic seeding cannot follow it).
type ref struct {
	table, column string
	unsupported   string
}

// table is one table of public, its columns in order.
type table struct {
	name string
	rls  bool
	cols []column
}

// parents lists the tables this one's not-null foreign keys point to: a
// row of it belongs to whoever owns those rows.
func (tb table) parents() []string {
	var out []string
	for _, c := range tb.cols {
		if c.ref != nil && c.notNull && c.ref.unsupported == "" {
			out = append(out, c.ref.table)
		}
	}
	return out
}

// columnsSQL reads a table's columns, with its primary key, its enum's
// first label and the target of a foreign key on each.
const columnsSQL = `
select a.attname, format_type(a.atttypid, a.atttypmod), ty.typcategory::text, a.attnotnull, a.atthasdef,
  exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any (i.indkey)),
  coalesce((select e.enumlabel from pg_enum e where e.enumtypid = a.atttypid order by e.enumsortorder limit 1), ''),
  fk.reftable, fk.refcolumn, fk.refschema, fk.width
from pg_attribute a
join pg_type ty on ty.oid = a.atttypid
left join lateral (
  select cf.relname::text as reftable, af.attname::text as refcolumn, nf.nspname::text as refschema,
    cardinality(con.conkey) as width
  from pg_constraint con
  join pg_class cf on cf.oid = con.confrelid
  join pg_namespace nf on nf.oid = cf.relnamespace
  join pg_attribute af on af.attrelid = con.confrelid and af.attnum = con.confkey[1]
  where con.contype = 'f' and con.conrelid = a.attrelid and a.attnum = any (con.conkey)
  order by con.conname limit 1
) fk on true
where a.attrelid = format('public.%I', $1::text)::regclass and a.attnum > 0 and not a.attisdropped
order by a.attnum`

// readTables reads every table of public from the catalog (pg_tables,
// pg_class's relrowsecurity as rowsecurity), parents before children by
// their not-null foreign keys, so seeding in this order always finds a
// row's parents.
func readTables(t *testing.T, pool *pgxpool.Pool) []table {
	t.Helper()
	ctx := context.Background()
	rows, err := pool.Query(ctx, "select tablename::text, rowsecurity from pg_tables where schemaname = 'public' order by 1")
	require.NoError(t, err)
	var tables []table
	for rows.Next() {
		var tb table
		require.NoError(t, rows.Scan(&tb.name, &tb.rls))
		tables = append(tables, tb)
	}
	require.NoError(t, rows.Err())
	for i := range tables {
		tables[i].cols = readColumns(t, pool, tables[i].name)
	}
	return parentsFirst(t, tables)
}

// readColumns reads one table's columns.
func readColumns(t *testing.T, pool *pgxpool.Pool, name string) []column {
	t.Helper()
	rows, err := pool.Query(context.Background(), columnsSQL, name)
	require.NoError(t, err)
	var cols []column
	for rows.Next() {
		var c column
		var refTable, refColumn, refSchema *string
		var width *int32
		require.NoError(t, rows.Scan(&c.name, &c.typ, &c.category, &c.notNull, &c.hasDefault, &c.primary, &c.enumFirst,
			&refTable, &refColumn, &refSchema, &width))
		if refTable != nil {
			c.ref = &ref{table: *refTable, column: *refColumn}
			switch {
			case *refSchema != "public":
				c.ref.unsupported = fmt.Sprintf("its foreign key points into schema %s", *refSchema)
			case *width > 1:
				c.ref.unsupported = "its foreign key has several columns"
			}
		}
		cols = append(cols, c)
	}
	require.NoError(t, rows.Err())
	return cols
}

// parentsFirst orders tables so each comes after the tables its not-null
// foreign keys point to; a cycle fails the test, naming its tables.
func parentsFirst(t *testing.T, tables []table) []table {
	t.Helper()
	byName := map[string]table{}
	for _, tb := range tables {
		byName[tb.name] = tb
	}
	var out []table
	state := map[string]int{} // 1: being visited, 2: placed
	var visit func(name string, path []string)
	visit = func(name string, path []string) {
		switch state[name] {
		case 2:
			return
		case 1:
			t.Fatalf("the not-null foreign keys of public's tables form a cycle: %v -> %s; the RLS test cannot seed them", path, name)
		}
		state[name] = 1
		for _, p := range byName[name].parents() {
			if _, ok := byName[p]; ok && p != name {
				visit(p, append(path, name))
			} else if p == name {
				t.Fatalf("public.%s has a not-null foreign key to itself; the RLS test cannot seed it", name)
			}
		}
		state[name] = 2
		out = append(out, byName[name])
	}
	for _, tb := range tables {
		visit(tb.name, nil)
	}
	return out
}

// unowned names the tables whose rows the test cannot tie to a user: not
// the users table, and no not-null foreign key (of one column, in public)
// leading to another table. Each needs a foreign key, or its own checks.
func unowned(tables []table) []string {
	var out []string
	for _, tb := range tables {
		if tb.name == rootTable {
			continue
		}
		if len(tb.parents()) == 0 {
			why := "no not-null foreign key leads from it to users"
			for _, c := range tb.cols {
				if c.ref != nil && c.notNull && c.ref.unsupported != "" {
					why = fmt.Sprintf("column %s: %s", c.name, c.ref.unsupported)
				}
			}
			out = append(out, fmt.Sprintf("public.%s (%s)", tb.name, why))
		}
	}
	return out
}

// identifier quotes a name for SQL.
func identifier(name ...string) string { return pgx.Identifier(name).Sanitize() }
