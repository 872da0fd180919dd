package store

import (
	"context"
)

// CountRunOutput adds finals and bytes to what a run has written, unless
// that would pass maxFinals or maxBytes; it reports whether they were
// added. One statement, so Outputs running at once cannot pass the limits
// together.
func (q *Queries) CountRunOutput(ctx context.Context, executionID string, finals int, bytes int64, maxFinals int, maxBytes int64) (bool, error) {
	n, err := q.q.exec(ctx, `update executions set finals_written = finals_written + $2, bytes_written = bytes_written + $3
		where id = $1 and finals_written + $2 <= $4 and bytes_written + $3 <= $5`, executionID, finals, bytes, maxFinals, maxBytes)
	return n == 1, q.d.mapError("count a run's output", err)
}

// RunOutput reads what a run has written: its finals and their bytes.
func (q *Queries) RunOutput(ctx context.Context, executionID string) (finals int, bytes int64, err error) {
	err = q.q.queryRow(ctx, `select finals_written, bytes_written from executions where id = $1`, executionID).Scan(&finals, &bytes)
	return finals, bytes, q.d.mapError("read a run's output", err)
}
