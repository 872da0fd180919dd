package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Queries holds every read and write; a Store runs them on its pool and a
// Tx runs them inside one transaction.
type Queries struct {
	q querier
	d dialect
}

// Store is the database: Postgres or SQLite.
type Store struct {
	Queries
	pool *pgxpool.Pool
	db   *sql.DB
}

// Tx is an open transaction. Native is the driver's own transaction
// (pgx.Tx or *sql.Tx) so the job queue can enqueue inside it.
type Tx struct {
	Queries
	Native any
}

// NewPostgres wraps a pgx pool whose schema is already migrated.
func NewPostgres(pool *pgxpool.Pool) *Store {
	return &Store{Queries: Queries{q: pgxAdapter{pool}, d: postgresDialect}, pool: pool}
}

// NewSQLite wraps a database/sql SQLite handle whose schema is migrated.
func NewSQLite(db *sql.DB) *Store {
	return &Store{Queries: Queries{q: sqlAdapter{db}, d: sqliteDialect}, db: db}
}

// Dialect names the database: "postgres" or "sqlite".
func (s *Store) Dialect() string { return s.d.name }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.q.queryRow(ctx, "select 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping %s: %w", s.d.name, err)
	}
	return nil
}

// InTx runs fn in a transaction, committed if fn returns nil and rolled
// back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	if s.pool != nil {
		return pgx.BeginFunc(ctx, s.pool, func(ptx pgx.Tx) error {
			return fn(&Tx{Queries: Queries{q: pgxAdapter{ptx}, d: s.d}, Native: ptx})
		})
	}
	stx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(&Tx{Queries: Queries{q: sqlAdapter{stx}, d: s.d}, Native: stx}); err != nil {
		_ = stx.Rollback()
		return err
	}
	if err := stx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
