package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// LoadRun, with lock, locks an execution (on Postgres, until the
// transaction ends) and then reads it with its node executions. The read is a statement of its
// own, after the lock is held: in READ COMMITTED each statement sees what
// was committed before it began, so it sees the changes of whoever held the
// lock before (one statement that locked and read at once would read rows as
// they were before it waited). The execution comes without its graph
// snapshot, which never changes: read it once with GraphOf.
func (q *Queries) LoadRun(ctx context.Context, id string, lock bool) (workflow.Execution, []workflow.NodeExecution, error) {
	var x workflow.Execution
	if !workflow.ValidID(id) {
		return x, nil, q.d.mapError("get execution", errNoRows)
	}
	if lock && q.d.forUpdate != "" {
		var one int
		if err := q.q.queryRow(ctx, `select 1 from executions where id = $1`+q.d.forUpdate, id).Scan(&one); err != nil {
			return x, nil, q.d.mapError("get execution", err)
		}
	}
	rs, err := q.q.query(ctx, `with x as (select e.id, e.workflow_id, e.status, e.total_cost, e.error_message, e.started_at,
			e.finished_at, e.step_mode, e.options, w.user_id from executions e join workflows w on w.id = e.workflow_id where e.id = $1)
		select x.id, x.workflow_id, x.status, x.total_cost, x.error_message, x.started_at, x.finished_at, x.step_mode,
			x.options, x.user_id,
			n.id, n.execution_id, n.node_id, n.status, n.input_data, n.output_data, n.error_message, n.started_at,
			n.finished_at, n.queued_at, n.rescues, n.pending_result, n.signature, n.reused_from
		from x left join node_executions n on n.execution_id = x.id order by n.id`, id)
	if err != nil {
		return x, nil, q.d.mapError("get execution", err)
	}
	defer rs.Close()
	var list []workflow.NodeExecution
	found := false
	for rs.Next() {
		found = true
		var started, finished, nStarted, nFinished, nQueued dbTime
		var in, out, pending, opts jsonCol
		var nID, nExec, nNode, nStatus *string
		var nRescues *int
		var ne workflow.NodeExecution
		if err := rs.Scan(&x.ID, &x.WorkflowID, &x.Status, &x.TotalCost, &x.ErrorMessage, &started, &finished, &x.StepMode,
			&opts, &x.UserID, &nID, &nExec, &nNode, &nStatus, &in, &out, &ne.ErrorMessage, &nStarted, &nFinished, &nQueued,
			&nRescues, &pending, &ne.Signature, &ne.ReusedFrom); err != nil {
			return x, nil, q.d.mapError("get execution", err)
		}
		x.StartedAt, x.FinishedAt = started.Time, finished.ptr()
		x.Options = optionsOf(opts.Raw)
		if nID == nil {
			continue
		}
		ne.ID, ne.ExecutionID, ne.NodeID, ne.Status = *nID, *nExec, *nNode, workflow.NodeStatus(*nStatus)
		ne.InputData, ne.OutputData, ne.PendingResult = in.Raw, out.Raw, pending.Raw
		ne.StartedAt, ne.FinishedAt, ne.QueuedAt = nStarted.ptr(), nFinished.ptr(), nQueued.ptr()
		if nRescues != nil {
			ne.Rescues = *nRescues
		}
		list = append(list, ne)
	}
	if err := rs.Err(); err != nil {
		return x, nil, q.d.mapError("get execution", err)
	}
	if !found {
		return x, nil, q.d.mapError("get execution", errNoRows)
	}
	return x, list, nil
}

// GraphOf reads an execution's graph snapshot.
func (q *Queries) GraphOf(ctx context.Context, id string) (*workflow.Graph, error) {
	var raw jsonCol
	if err := q.q.queryRow(ctx, `select graph from executions where id = $1`, id).Scan(&raw); err != nil {
		return nil, q.d.mapError("get execution", err)
	}
	if raw.Raw == nil {
		return nil, fmt.Errorf("execution %s has no graph snapshot", id)
	}
	var g workflow.Graph
	if err := json.Unmarshal(raw.Raw, &g); err != nil {
		return nil, fmt.Errorf("decode graph snapshot: %w", err)
	}
	return &g, nil
}

// optionsOf decodes stored run options (nil for none).
func optionsOf(raw []byte) *workflow.RunOptions {
	if raw == nil {
		return nil
	}
	var o workflow.RunOptions
	if json.Unmarshal(raw, &o) != nil {
		return nil
	}
	return &o
}
