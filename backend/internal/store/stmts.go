package store

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// maxCachedStatements bounds the prepared statements kept (the store's
// queries are a fixed set, but a few are built for their argument count).
const maxCachedStatements = 512

// stmtCache keeps SQLite statements prepared: parsing a statement is a
// large share of a quick query's cost, and database/sql prepares afresh
// for every call otherwise.
type stmtCache struct {
	mu     sync.Mutex
	db     *sql.DB
	m      map[string]*sql.Stmt
	wanted map[string]bool // asked for inside a transaction: prepared after it
	busy   atomic.Bool     // a background preparation runs
}

// newStmtCache returns an empty cache for db.
func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// prepareWanted prepares, in the background, what transactions asked for
// (after one ends; a later one may still hold the connection, so this
// never runs under the cache's lock or on a caller's time).
func (c *stmtCache) prepareWanted() {
	if !c.busy.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer c.busy.Store(false)
		c.mu.Lock()
		var list []string
		for q := range c.wanted {
			list = append(list, q)
			delete(c.wanted, q)
		}
		c.mu.Unlock()
		for _, q := range list {
			st, err := c.db.PrepareContext(context.Background(), q)
			if err != nil {
				continue
			}
			c.mu.Lock()
			if _, ok := c.m[q]; ok || len(c.m) >= maxCachedStatements {
				_ = st.Close()
			} else {
				c.m[q] = st
			}
			c.mu.Unlock()
		}
	}()
}

// get returns query prepared, preparing it the first time when prepare
// is set; nil when it is not prepared yet and may not be now, or the cache
// is full (the caller runs the query unprepared). A transaction holds
// SQLite's one connection, so preparing on the database from inside one
// would wait for itself: transactions only use what is prepared already,
// and what they asked for is prepared after them. Nothing waits for the
// connection under the cache's lock.
func (c *stmtCache) get(ctx context.Context, query string, prepare bool) (*sql.Stmt, error) {
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxCachedStatements
	if !ok && !full && !prepare {
		c.wanted[query] = true
	}
	c.mu.Unlock()
	if ok || full || !prepare {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[query]; ok {
		_ = st.Close()
		return old, nil
	}
	c.m[query] = st
	return st, nil
}

// cachedAdapter runs SQLite queries through prepared statements, on the
// database or inside a transaction.
type cachedAdapter struct {
	cache *stmtCache
	tx    *sql.Tx // nil outside a transaction
	plain sqlAdapter
}

// stmt is query prepared for this adapter (nil: run it unprepared).
func (a cachedAdapter) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, err := a.cache.get(ctx, query, a.tx == nil)
	if err != nil || st == nil || a.tx == nil {
		return st, err
	}
	return a.tx.StmtContext(ctx, st), nil
}

// exec runs a statement and returns the affected row count.
func (a cachedAdapter) exec(ctx context.Context, query string, args ...any) (int64, error) {
	st, err := a.stmt(ctx, query)
	if err != nil || st == nil {
		return a.plain.exec(ctx, query, args...)
	}
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// query runs a statement returning rows.
func (a cachedAdapter) query(ctx context.Context, query string, args ...any) (rows, error) {
	st, err := a.stmt(ctx, query)
	if err != nil || st == nil {
		return a.plain.query(ctx, query, args...)
	}
	r, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

// queryRow runs a statement returning one row.
func (a cachedAdapter) queryRow(ctx context.Context, query string, args ...any) row {
	st, err := a.stmt(ctx, query)
	if err != nil || st == nil {
		return a.plain.queryRow(ctx, query, args...)
	}
	return sqlRow{st.QueryRowContext(ctx, args...)}
}
