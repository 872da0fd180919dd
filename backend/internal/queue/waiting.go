package queue

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

// waitingStates are the states of a node job that waits in River's table:
// ready for a worker (available), snoozed or delayed (scheduled: a node
// whose FAL request is in progress snoozes), or due to retry (retryable).
func waitingStates() []string { return []string{"available", "scheduled", "retryable"} }

// waitingSQL counts the waiting node jobs by state in table, with the
// kind as the parameter param.
func waitingSQL(table, param string) string {
	return `select cast(state as text), count(*) from ` + table + ` where kind = ` + param +
		` and state in ('` + strings.Join(waitingStates(), `', '`) + `') group by state`
}

// Waiting counts the node jobs waiting in the queue, by state (each of
// waitingStates, zero when none): on Postgres, every replica's.
func (r *River[TTx]) Waiting(ctx context.Context) (map[string]int, error) {
	counts, err := r.db.waiting(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: count waiting jobs: %w", err)
	}
	return counts, nil
}

// waitingPostgres counts the waiting node jobs in schema river.
func waitingPostgres(ctx context.Context, pool *pgxpool.Pool) (map[string]int, error) {
	rows, err := pool.Query(ctx, waitingSQL("river.river_job", "$1"), kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return countStates(rows)
}

// waitingSQLite counts the waiting node jobs in the SQLite file.
func waitingSQLite(ctx context.Context, db *sql.DB) (map[string]int, error) {
	rows, err := db.QueryContext(ctx, waitingSQL("river_job", "?"), kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return countStates(rows)
}

// stateRows are rows of (state, count), from either driver.
type stateRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// countStates reads rows into a count per waiting state.
func countStates(rows stateRows) (map[string]int, error) {
	out := map[string]int{}
	for _, s := range waitingStates() {
		out[s] = 0
	}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, err
		}
		out[state] = n
	}
	return out, rows.Err()
}
