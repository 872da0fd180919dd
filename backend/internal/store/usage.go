package store

import (
	"context"
	"time"
)

// UsageRow is one generation or run of a user in a period, as usage
// totals are made from.
type UsageRow struct {
	ExecutionID string
	Workflow    string
	WorkflowID  string
	Model       string // "" for a run
	Images      int
	Cost        float64
	At          time.Time
	Deleted     bool // the workflow was deleted since
}

// UsageOf reads the user's generations (model, images, cost) and runs in
// [from, to), and how many nodes reused an earlier output.
func (q *Queries) UsageOf(ctx context.Context, userID string, from, to time.Time) (gens, runs []UsageRow, reused map[string]int, err error) {
	// From the spend ledger, so a deleted workflow's spend stays, under
	// its last name marked deleted (a workflow still here goes by its
	// current name).
	rs, err := q.q.query(ctx, `select s.execution_id, coalesce(w.name, s.workflow_name), s.workflow_id, s.model_id, s.images, s.amount,
		s.created_at, w.id is null from spend_ledger s left join workflows w on w.id = s.workflow_id
		where s.user_id = $1 and s.created_at >= $2 and s.created_at < $3 order by s.created_at`,
		userID, q.d.time(from), q.d.time(to))
	if err != nil {
		return nil, nil, nil, q.d.mapError("read usage", err)
	}
	for rs.Next() {
		var r UsageRow
		var at dbTime
		if err := rs.Scan(&r.ExecutionID, &r.Workflow, &r.WorkflowID, &r.Model, &r.Images, &r.Cost, &at, &r.Deleted); err != nil {
			rs.Close()
			return nil, nil, nil, q.d.mapError("read usage", err)
		}
		r.At = at.Time
		gens = append(gens, r)
	}
	rs.Close()
	rs, err = q.q.query(ctx, `select e.id, w.name, w.id, e.started_at,
		(select count(*) from node_executions ne where ne.execution_id = e.id and ne.reused_from is not null)
		from executions e join workflows w on w.id = e.workflow_id
		where w.user_id = $1 and e.started_at >= $2 and e.started_at < $3 order by e.started_at`,
		userID, q.d.time(from), q.d.time(to))
	if err != nil {
		return nil, nil, nil, q.d.mapError("read usage", err)
	}
	defer rs.Close()
	reused = map[string]int{}
	for rs.Next() {
		var r UsageRow
		var at dbTime
		var n int
		if err := rs.Scan(&r.ExecutionID, &r.Workflow, &r.WorkflowID, &at, &n); err != nil {
			return nil, nil, nil, q.d.mapError("read usage", err)
		}
		r.At, reused[r.ExecutionID] = at.Time, n
		runs = append(runs, r)
	}
	return gens, runs, reused, q.d.mapError("read usage", rs.Err())
}
