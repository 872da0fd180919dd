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
	// set are the store's settings, shared with its transactions.
	set *settings
}

// settings are what an operator configures of the store.
type settings struct {
	// newUserBudget is the monthly budget a new user starts with (nil: none).
	newUserBudget *float64
	// maxBudget is the most a user's budget may be (nil: no ceiling).
	maxBudget *float64
	// serverBudget is what all users together may spend in a month (nil: no
	// limit).
	serverBudget *float64
}

// Budgets are the operator's budget settings.
type Budgets struct {
	NewUser *float64 // DEFAULT_MONTHLY_BUDGET_USD: a new user's budget
	Max     *float64 // MAX_MONTHLY_BUDGET_USD: the most any user's may be
	Server  *float64 // SERVER_MONTHLY_BUDGET_USD: all users together
}

// SetBudgets applies the operator's budget settings. A new user starts at
// NewUser, or at Max when no default is set.
func (s *Store) SetBudgets(b Budgets) {
	s.set.newUserBudget, s.set.maxBudget, s.set.serverBudget = b.NewUser, b.Max, b.Server
	if b.NewUser == nil {
		s.set.newUserBudget = b.Max
	}
}

// Store is the database: Postgres or SQLite.
type Store struct {
	Queries
	pool  *pgxpool.Pool
	db    *sql.DB
	stmts *stmtCache // SQLite's prepared statements
}

// Tx is an open transaction.
type Tx struct {
	Queries
	pgx      pgx.Tx
	sql      *sql.Tx
	onCommit []func()
	// pending are writes queued to go to Postgres together, in one round
	// trip, before the next statement or the commit.
	pending []pendingStmt
}

// pendingStmt is one queued write; when must is set, it must touch a row
// (must names the operation for the error).
type pendingStmt struct {
	sql  string
	args []any
	must string
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
	for _, p := range payloads {
		tx.pending = append(tx.pending, pendingStmt{sql: "select pg_notify($1, $2)", args: []any{channel, p}})
	}
	return nil
}

// sendPending sends the queued writes in one round trip and checks them.
func (tx *Tx) sendPending(ctx context.Context) error {
	if len(tx.pending) == 0 {
		return nil
	}
	list := tx.pending
	tx.pending = nil
	batch := &pgx.Batch{}
	for _, p := range list {
		batch.Queue(p.sql, p.args...)
	}
	res := tx.pgx.SendBatch(ctx, batch)
	defer res.Close()
	for _, p := range list {
		tag, err := res.Exec()
		if err == nil && p.must != "" && tag.RowsAffected() == 0 {
			err = errNoRows
		}
		if err != nil {
			op := p.must
			if op == "" {
				op = "notify"
			}
			return tx.d.mapError(op, err)
		}
	}
	return res.Close()
}

// flushingAdapter runs a transaction's statements after sending its queued
// writes, so every read sees them.
type flushingAdapter struct {
	pgxAdapter
	tx *Tx
}

// exec sends the queued writes, then runs a statement.
func (a flushingAdapter) exec(ctx context.Context, sql string, args ...any) (int64, error) {
	if err := a.tx.sendPending(ctx); err != nil {
		return 0, err
	}
	return a.pgxAdapter.exec(ctx, sql, args...)
}

// query sends the queued writes, then runs a query.
func (a flushingAdapter) query(ctx context.Context, sql string, args ...any) (rows, error) {
	if err := a.tx.sendPending(ctx); err != nil {
		return nil, err
	}
	return a.pgxAdapter.query(ctx, sql, args...)
}

// queryRow sends the queued writes, then runs a one-row query.
func (a flushingAdapter) queryRow(ctx context.Context, sql string, args ...any) row {
	if err := a.tx.sendPending(ctx); err != nil {
		return errRow{err}
	}
	return a.pgxAdapter.queryRow(ctx, sql, args...)
}

// errRow is a row whose query could not run.
type errRow struct{ err error }

// Scan returns the error.
func (r errRow) Scan(...any) error { return r.err }

// NewPostgres wraps a pgx pool whose schema is already migrated.
func NewPostgres(pool *pgxpool.Pool) *Store {
	return &Store{Queries: Queries{q: pgxAdapter{pool}, d: postgresDialect, set: &settings{}}, pool: pool}
}

// NewSQLite wraps a database/sql SQLite handle whose schema is migrated.
func NewSQLite(db *sql.DB) *Store {
	cache := newStmtCache(db)
	return &Store{Queries: Queries{q: cachedAdapter{cache: cache, plain: sqlAdapter{db}}, d: sqliteDialect, set: &settings{}}, db: db, stmts: cache}
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
			tx = &Tx{pgx: ptx}
			tx.Queries = Queries{q: flushingAdapter{pgxAdapter{ptx}, tx}, d: s.d, set: s.set}
			if err := fn(tx); err != nil {
				return err
			}
			return tx.sendPending(ctx)
		})
		if err != nil {
			return err
		}
	} else {
		stx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: begin: %w", err)
		}
		tx = &Tx{Queries: Queries{q: cachedAdapter{cache: s.stmts, tx: stx, plain: sqlAdapter{stx}}, d: s.d, set: s.set}, sql: stx}
		err = fn(tx)
		if err != nil {
			_ = stx.Rollback()
		} else if err = stx.Commit(); err != nil {
			err = fmt.Errorf("store: commit: %w", err)
		}
		s.stmts.prepareWanted()
		if err != nil {
			return err
		}
	}
	for _, f := range tx.onCommit {
		f()
	}
	return nil
}
