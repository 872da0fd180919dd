package store

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// LastRun is a workflow's newest run as its list shows it, with the first
// final image that run delivered (from its final records).
type LastRun struct {
	workflow.Execution
	Image *string
}

// LastRuns returns the newest run of each of the user's workflows, by
// workflow id, in two queries whatever the number of workflows.
func (q *Queries) LastRuns(ctx context.Context, userID string) (map[string]LastRun, error) {
	newest := `select (select x.id from executions x where x.workflow_id = w.id order by x.id desc limit 1)
		from workflows w where w.user_id = $1`
	rs, err := q.q.query(ctx, `select e.id, e.workflow_id, e.status, e.total_cost, e.error_message, e.started_at,
		e.finished_at, e.step_mode, null, e.options from executions e where e.id in (`+newest+`)`, userID)
	if err != nil {
		return nil, q.d.mapError("list last runs", err)
	}
	out := map[string]LastRun{}
	byExec := map[string]string{}
	for rs.Next() {
		e, err := scanExecution(rs)
		if err != nil {
			rs.Close()
			return nil, q.d.mapError("list last runs", err)
		}
		out[e.WorkflowID] = LastRun{Execution: e}
		byExec[e.ID] = e.WorkflowID
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, q.d.mapError("list last runs", err)
	}
	rs, err = q.q.query(ctx, `select f.execution_id, f.url from finals f
		where f.execution_id in (`+newest+`) order by f.execution_id, f.created_at, f.node_execution_id, f.position`, userID)
	if err != nil {
		return nil, q.d.mapError("list last runs", err)
	}
	defer rs.Close()
	for rs.Next() {
		var execID, image string
		if err := rs.Scan(&execID, &image); err != nil {
			return nil, q.d.mapError("list last runs", err)
		}
		if r, ok := out[byExec[execID]]; ok && r.Image == nil {
			r.Image = &image
			out[byExec[execID]] = r
		}
	}
	return out, q.d.mapError("list last runs", rs.Err())
}
