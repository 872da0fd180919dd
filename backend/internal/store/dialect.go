package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// dialect is what differs between Postgres and SQLite.
type dialect struct {
	name string
	// forUpdate locks selected rows in Postgres; SQLite has one writer.
	forUpdate string
	// stringsIn is the SQL that turns a JSON-array parameter into text[].
	stringsIn func(param string) string
	// stringsOut is the SQL that reads a text[] column as a JSON array.
	stringsOut func(col string) string
	// jsonTexts is a subquery listing the strings of a JSON-array parameter.
	jsonTexts func(param string) string
}

// postgresDialect is Postgres through pgx.
var postgresDialect = dialect{
	name:       "postgres",
	forUpdate:  " for update",
	stringsIn:  func(p string) string { return "array(select jsonb_array_elements_text(" + p + "::jsonb))" },
	stringsOut: func(c string) string { return "to_jsonb(" + c + ")" },
	jsonTexts:  func(p string) string { return "select jsonb_array_elements_text(" + p + "::jsonb)" },
}

// sqliteDialect is SQLite through modernc.org/sqlite.
var sqliteDialect = dialect{
	name:       "sqlite",
	stringsIn:  func(p string) string { return p },
	stringsOut: func(c string) string { return c },
	jsonTexts:  func(p string) string { return "select value from json_each(" + p + ")" },
}

// nowOr is the SQL of the time now by the database's clock on Postgres
// (replicas share it), else the parameter param (SQLite has one process,
// whose clock is the only one).
func (d dialect) nowOr(param string) string {
	if d.name == "sqlite" {
		return param
	}
	return "now()"
}

// ago is the SQL of the instant a duration (the parameter param, made by
// agoArg) before now, on the clock nowOr stamps with.
func (d dialect) ago(param string) string {
	if d.name == "sqlite" {
		return param
	}
	return "now() - make_interval(secs => " + param + ")"
}

// agoArg is ago's parameter for a duration: seconds on Postgres, the
// instant itself on SQLite.
func (d dialect) agoArg(dur time.Duration) any {
	if d.name == "sqlite" {
		return d.time(time.Now().Add(-dur))
	}
	return dur.Seconds()
}

// timeLayout keeps SQLite's TEXT timestamps sortable: fixed width, UTC.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// json passes encoded JSON as the driver wants it: bytes for pgx, text for
// SQLite (whose json functions read a blob as binary JSONB).
func (d dialect) json(b []byte) any {
	if b == nil {
		return nil
	}
	if d.name == "sqlite" {
		return string(b)
	}
	return b
}

// time passes a timestamp as the driver wants it.
func (d dialect) time(t time.Time) any {
	if d.name == "sqlite" {
		return t.UTC().Format(timeLayout)
	}
	return t.UTC()
}

// timePtr passes an optional timestamp.
func (d dialect) timePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return d.time(*t)
}

// mapError turns driver errors into coded errors with a clear message. op
// names what was being done ("get workflow"); its object ("workflow") names
// what was not found.
func (d dialect) mapError(op string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := fault.As(err); ok {
		return err
	}
	if errors.Is(err, errNoRows) {
		what := op
		if i := strings.Index(op, " "); i >= 0 {
			what = op[i+1:]
		}
		return fault.NotFound(what)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505":
			return &fault.Error{Code: fault.CodeConflict, Message: uniqueWhat(pgErr.ConstraintName) + " already exists", Cause: err}
		case "23503":
			return &fault.Error{Code: fault.CodeInvalid, Message: "it refers to something that does not exist", Cause: err}
		case "23514", "22P02", "23502", "22021", "54000":
			return &fault.Error{Code: fault.CodeInvalid, Message: "the data breaks a rule of the database", Cause: err}
		}
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return &fault.Error{Code: fault.CodeConflict, Message: uniqueWhat(msg) + " already exists", Cause: err}
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return &fault.Error{Code: fault.CodeInvalid, Message: "it refers to something that does not exist", Cause: err}
	case strings.Contains(msg, "CHECK constraint failed"), strings.Contains(msg, "NOT NULL constraint failed"):
		return &fault.Error{Code: fault.CodeInvalid, Message: "the data breaks a rule of the database", Cause: err}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// uniqueWhat names the duplicated thing from a constraint name or message.
func uniqueWhat(s string) string {
	switch {
	case strings.Contains(s, "email"):
		return "a user with this email"
	case strings.Contains(s, "source_node_id"), strings.Contains(s, "edges"):
		return "an identical edge"
	case strings.Contains(s, "execution_id"), strings.Contains(s, "node_executions"):
		return "a node execution for this node"
	}
	return "a record with this id"
}
