package store

import (
	"context"
	"errors"
	"time"
)

// Reusable is an earlier node execution whose output may be reused.
type Reusable struct {
	ID     string
	Output []byte
}

// FindReusable finds the user's newest COMPLETED node execution with
// signature, finished at or after since (zero: any time), in a run other
// than executionID (two identical nodes of one run are two variations, not
// one). Only the user's own runs are searched, never another user's.
func (q *Queries) FindReusable(ctx context.Context, userID, executionID, signature string, since time.Time) (*Reusable, error) {
	var r Reusable
	var out jsonCol
	after := q.d.time(time.Unix(0, 0))
	if !since.IsZero() {
		after = q.d.time(since)
	}
	err := q.q.queryRow(ctx, `select ne.id, ne.output_data from node_executions ne
		join executions e on e.id = ne.execution_id join workflows w on w.id = e.workflow_id
		where ne.signature = $1 and ne.status = 'COMPLETED' and ne.finished_at >= $2 and w.user_id = $3
			and ne.execution_id <> $4
		order by ne.finished_at desc limit 1`, signature, after, userID, executionID).Scan(&r.ID, &out)
	if errors.Is(err, errNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, q.d.mapError("find a reusable result", err)
	}
	r.Output = out.Raw
	return &r, nil
}
