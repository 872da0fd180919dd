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

// Tx is an open transaction.
type Tx struct {
	Queries
	pgx      pgx.Tx
	sql      *sql.Tx
	onCommit []func()
}

// Pgx is the driver's transaction on Postgres (nil on SQLite), for the job
// queue, which enqueues inside it.
func (tx *Tx) Pgx() pgx.Tx { return tx.pgx }

// SQL is the driver's transaction on SQLite (nil on Postgres).
func (tx *Tx) SQL() *sql.Tx { return tx.sql }

// OnCommit runs fn after the transaction commits (never if it rolls back).
func (tx *Tx) OnCommit(fn func()) { tx.onCommit = append(tx.onCommit, fn) }

// Notify sends payloads on a Postgres NOTIFY channel inside the
// transaction: listeners get them when it commits, never if it rolls back.
// On SQLite, which has no NOTIFY, it is an error.
func (tx *Tx) Notify(ctx context.Context, channel string, payloads ...string) error {
	if tx.pgx == nil {
		return fmt.Errorf("store: notify needs Postgres")
	}
	if len(payloads) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, p := range payloads {
		batch.Queue("select pg_notify($1, $2)", channel, p)
	}
	if err := tx.pgx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("store: notify: %w", err)
	}
	return nil
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
	var tx *Tx
	if s.pool != nil {
		err := pgx.BeginFunc(ctx, s.pool, func(ptx pgx.Tx) error {
			tx = &Tx{Queries: Queries{q: pgxAdapter{ptx}, d: s.d}, pgx: ptx}
			return fn(tx)
		})
		if err != nil {
			return err
		}
	} else {
		stx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: begin: %w", err)
		}
		tx = &Tx{Queries: Queries{q: sqlAdapter{stx}, d: s.d}, sql: stx}
		if err := fn(tx); err != nil {
			_ = stx.Rollback()
			return err
		}
		if err := stx.Commit(); err != nil {
			return fmt.Errorf("store: commit: %w", err)
		}
	}
	for _, f := range tx.onCommit {
		f()
	}
	return nil
}
