// Package store reads and writes VisualAdGen's data. One set of queries runs
// on both databases: Postgres through pgx and SQLite through database/sql;
// the small differences between them live in dialect.go.
package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// querier is what every query needs from a connection or a transaction.
type querier interface {
	exec(ctx context.Context, sql string, args ...any) (int64, error)
	query(ctx context.Context, sql string, args ...any) (rows, error)
	queryRow(ctx context.Context, sql string, args ...any) row
}

// rows iterates over a result set.
type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// row is a single-row result.
type row interface {
	Scan(dest ...any) error
}

// errNoRows is returned by row.Scan when nothing matched, on both drivers.
var errNoRows = errors.New("no rows")

// pgxQuerier is what pgxpool.Pool, pgx.Conn and pgx.Tx have in common.
type pgxQuerier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// pgxAdapter runs queries through pgx.
type pgxAdapter struct{ q pgxQuerier }

// exec runs a statement and returns the affected row count.
func (a pgxAdapter) exec(ctx context.Context, sql string, args ...any) (int64, error) {
	tag, err := a.q.Exec(ctx, sql, args...)
	return tag.RowsAffected(), err
}

// query runs a statement returning rows.
func (a pgxAdapter) query(ctx context.Context, sql string, args ...any) (rows, error) {
	r, err := a.q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// queryRow runs a statement returning one row.
func (a pgxAdapter) queryRow(ctx context.Context, sql string, args ...any) row {
	return pgxRow{a.q.QueryRow(ctx, sql, args...)}
}

// pgxRow maps pgx.ErrNoRows to errNoRows.
type pgxRow struct{ r pgx.Row }

// Scan copies the row into dest.
func (r pgxRow) Scan(dest ...any) error {
	if err := r.r.Scan(dest...); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return errNoRows
		}
		return err
	}
	return nil
}

// sqlQuerier is what *sql.DB and *sql.Tx have in common.
type sqlQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// sqlAdapter runs queries through database/sql.
type sqlAdapter struct{ q sqlQuerier }

// exec runs a statement and returns the affected row count.
func (a sqlAdapter) exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := a.q.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// query runs a statement returning rows.
func (a sqlAdapter) query(ctx context.Context, query string, args ...any) (rows, error) {
	r, err := a.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

// queryRow runs a statement returning one row.
func (a sqlAdapter) queryRow(ctx context.Context, query string, args ...any) row {
	return sqlRow{a.q.QueryRowContext(ctx, query, args...)}
}

// sqlRows adapts *sql.Rows to rows.
type sqlRows struct{ *sql.Rows }

// Close releases the result set.
func (r sqlRows) Close() { _ = r.Rows.Close() }

// sqlRow maps sql.ErrNoRows to errNoRows.
type sqlRow struct{ r *sql.Row }

// Scan copies the row into dest.
func (r sqlRow) Scan(dest ...any) error {
	if err := r.r.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return errNoRows
		}
		return err
	}
	return nil
}
