package postgres_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"
)

// rlsValues are the values of columns whose checks a value made from the
// column's type does not meet, by "table.column". A table added with such
// a column fails TestRowLevelSecurity, naming it, until it has a line here.
var rlsValues = map[string]string{
	"brand_kits.primary_color": "#112233",
	"outside_requests.state":   "SUBMITTED",
}

// row is one seeded row: its values by column, as the database stored
// them, and its whole-row text, which identifies it in a query.
type row struct {
	vals map[string]string
	text string
}

// owned is one user's rows: one of every public table, by table.
type owned struct {
	user string
	rows map[string]row
}

// fresh is a row to insert: its columns and their values (as text, cast
// to the column's type by the statement).
type fresh struct {
	cols, vals []string
}

// freshRow makes a new row of tb owned by o: its not-null foreign keys
// point to o's rows, its primary key and every not-null column without a
// default get a value of their own, the rest keep their defaults.
func freshRow(tb table, o owned) (fresh, error) {
	var f fresh
	for _, c := range tb.cols {
		var v string
		switch {
		case c.ref != nil && c.notNull && c.ref.unsupported == "":
			parent, ok := o.rows[c.ref.table]
			if !ok {
				return f, fmt.Errorf("column %s: no row of %s to point to", c.name, c.ref.table)
			}
			v = parent.vals[c.ref.column]
		case c.ref != nil && !c.primary:
			continue // a nullable foreign key stays null
		case c.primary || (c.notNull && !c.hasDefault):
			var err error
			if v, err = valueFor(tb.name, c); err != nil {
				return f, err
			}
		default:
			continue
		}
		f.cols, f.vals = append(f.cols, c.name), append(f.vals, v)
	}
	return f, nil
}

// valueFor is a value of column c of table tb: its line in rlsValues, or
// one made from its type (a text is different on every call, for unique
// columns).
func valueFor(tb string, c column) (string, error) {
	if v, ok := rlsValues[tb+"."+c.name]; ok {
		return v, nil
	}
	switch {
	case c.enumFirst != "":
		return c.enumFirst, nil
	case c.category == "A":
		return "{}", nil
	case c.category == "S":
		return "rls-" + uuid.NewString()[:8], nil
	case c.category == "N":
		return "1", nil
	case c.category == "B":
		return "false", nil
	case c.category == "D":
		return "2026-01-01 00:00:00+00", nil
	case c.typ == "uuid":
		return uuid.NewString(), nil
	case c.typ == "jsonb" || c.typ == "json":
		return "{}", nil
	}
	return "", fmt.Errorf("column %s: no value for type %s; add \"%s.%s\" to rlsValues in rlsseed_test.go", c.name, c.typ, tb, c.name)
}

// insertSQL is the statement that inserts f into tb, each value cast from
// text; returning adds the stored row (as JSON) and its whole-row text.
func insertSQL(tb table, f fresh, returning bool) string {
	types := map[string]string{}
	for _, c := range tb.cols {
		types[c.name] = c.typ
	}
	cols, params := make([]string, len(f.cols)), make([]string, len(f.cols))
	for i, c := range f.cols {
		cols[i], params[i] = identifier(c), fmt.Sprintf("$%d::text::%s", i+1, types[c])
	}
	q := fmt.Sprintf("insert into %s as t (%s) values (%s)", identifier("public", tb.name), strings.Join(cols, ", "), strings.Join(params, ", "))
	if returning {
		q += " returning to_jsonb(t)::text, t::text"
	}
	return q
}

// args passes f's values to a statement.
func (f fresh) args() []any {
	out := make([]any, len(f.vals))
	for i, v := range f.vals {
		out[i] = v
	}
	return out
}

// seedUser creates, as the table owner (as the backend would, past RLS),
// a user and one row of every public table owned by that user, parents
// first. A table it cannot seed fails the test, naming it.
func seedUser(t *testing.T, pool *pgxpool.Pool, tables []table) owned {
	t.Helper()
	o := owned{rows: map[string]row{}}
	for _, tb := range tables {
		f, err := freshRow(tb, o)
		require.NoError(t, err, "seeding public.%s for the RLS test", tb.name)
		var stored, text string
		err = pool.QueryRow(context.Background(), insertSQL(tb, f, true), f.args()...).Scan(&stored, &text)
		require.NoError(t, err, "seeding public.%s for the RLS test: give its column a value in rlsValues (rlsseed_test.go)", tb.name)
		o.rows[tb.name] = row{vals: textValues(t, stored), text: text}
	}
	o.user = o.rows[rootTable].vals["id"]
	require.NotEmpty(t, o.user, "public.%s has an id", rootTable)
	return o
}

// textValues turns a row's JSON into each column's value as text (a
// string as itself, anything else as its JSON).
func textValues(t *testing.T, stored string) map[string]string {
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stored), &raw))
	out := map[string]string{}
	for k, v := range raw {
		var s string
		if string(v) == "null" {
			continue
		}
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
		} else {
			out[k] = string(v)
		}
	}
	return out
}

// writeSQL is the statements that update or delete (verb) tb's rows: one
// naming a row by its whole-row text ($1), so the select policies apply
// too, and one naming no row (an update sets a column to o's own value),
// so only the verb's own policy decides what it reaches, with its args.
func writeSQL(tb table, verb string, o owned) (targeted, blind string, blindArgs []any) {
	name := identifier("public", tb.name)
	if verb == "delete" {
		return "delete from " + name + " t where t::text = $1", "delete from " + name, nil
	}
	c := tb.cols[0]
	for _, cand := range tb.cols {
		if _, ok := o.rows[tb.name].vals[cand.name]; ok && !cand.primary && (strings.Contains("SNBD", cand.category) || cand.typ == "uuid") {
			c = cand
			break
		}
	}
	col := identifier(c.name)
	return "update " + name + " t set " + col + " = " + col + " where t::text = $1",
		"update " + name + " set " + col + " = $1::text::" + c.typ, []any{o.rows[tb.name].vals[c.name]}
}

// rowsAs runs q as role (and user sub) and returns the rows' first column,
// or the error.
func rowsAs(t *testing.T, pool *pgxpool.Pool, role, sub, q string, args ...any) ([]string, error) {
	var out []string
	var err error
	as(t, pool, role, sub, func(tx pgx.Tx) {
		var rows pgx.Rows
		if rows, err = tx.Query(context.Background(), q, args...); err == nil {
			out, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
	})
	return out, err
}

// execAs runs q as role (and user sub) and returns how many rows it
// changed, or the error.
func execAs(t *testing.T, pool *pgxpool.Pool, role, sub, q string, args ...any) (int64, error) {
	var n int64
	var err error
	as(t, pool, role, sub, func(tx pgx.Tx) {
		tag, e := tx.Exec(context.Background(), q, args...)
		n, err = tag.RowsAffected(), e
	})
	return n, err
}
