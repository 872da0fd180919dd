package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// executionCols is the column list read into scanExecution.
const executionCols = `e.id, e.workflow_id, e.status, e.total_cost, e.error_message, e.started_at,
	e.finished_at, e.step_mode, e.graph, e.options`

// scanExecution reads one execution row.
func scanExecution(r row) (workflow.Execution, error) {
	var e workflow.Execution
	var started, finished dbTime
	var graph, opts jsonCol
	err := r.Scan(&e.ID, &e.WorkflowID, &e.Status, &e.TotalCost, &e.ErrorMessage, &started, &finished,
		&e.StepMode, &graph, &opts)
	if err != nil {
		return e, err
	}
	e.Options = optionsOf(opts.Raw)
	e.StartedAt, e.FinishedAt = started.Time, finished.ptr()
	if graph.Raw != nil {
		e.Graph = &workflow.Graph{}
		if err := json.Unmarshal(graph.Raw, e.Graph); err != nil {
			return e, fmt.Errorf("decode graph snapshot: %w", err)
		}
	}
	return e, nil
}

// CreateExecution inserts e with its graph snapshot, filling id and start time.
func (q *Queries) CreateExecution(ctx context.Context, e *workflow.Execution) error {
	if e.ID == "" {
		e.ID = workflow.NewID()
	}
	if e.StartedAt.IsZero() {
		e.StartedAt = time.Now().UTC().Truncate(time.Microsecond)
	}
	var graph []byte
	if e.Graph != nil {
		var err error
		if graph, err = json.Marshal(e.Graph); err != nil {
			return fmt.Errorf("create execution: encode graph: %w", err)
		}
	}
	var opts []byte
	if e.Options != nil {
		opts, _ = json.Marshal(e.Options)
	}
	_, err := q.q.exec(ctx, `insert into executions (id, workflow_id, status, total_cost, error_message,
		started_at, finished_at, step_mode, graph, options) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		e.ID, e.WorkflowID, string(e.Status), e.TotalCost, e.ErrorMessage, q.d.time(e.StartedAt),
		q.d.timePtr(e.FinishedAt), e.StepMode, q.d.json(graph), q.d.json(opts))
	return q.d.mapError("create execution", err)
}

// GetExecution reads an execution. An empty userID skips the owner check;
// otherwise another user's execution is ErrNotFound.
func (q *Queries) GetExecution(ctx context.Context, userID, id string) (workflow.Execution, error) {
	return q.getExecution(ctx, userID, id, "")
}

// LockExecution reads an execution and, on Postgres, locks its row until
// the transaction ends, so state changes on one execution are serialized.
func (q *Queries) LockExecution(ctx context.Context, id string) (workflow.Execution, error) {
	return q.getExecution(ctx, "", id, q.d.forUpdate)
}

// getExecution reads one execution with an optional owner check and lock.
func (q *Queries) getExecution(ctx context.Context, userID, id, suffix string) (workflow.Execution, error) {
	if !workflow.ValidID(id) {
		return workflow.Execution{}, q.d.mapError("get execution", errNoRows)
	}
	query := `select ` + executionCols + ` from executions e where e.id = $1` + suffix
	args := []any{id}
	if userID != "" {
		query = `select ` + executionCols + ` from executions e join workflows w on w.id = e.workflow_id
		where e.id = $1 and cast(w.user_id as text) = $2`
		args = append(args, userID)
	}
	e, err := scanExecution(q.q.queryRow(ctx, query, args...))
	return e, q.d.mapError("get execution", err)
}

// ListExecutions returns a workflow's executions, newest first, at most
// limit of them, starting after the execution id `after` when it is set.
func (q *Queries) ListExecutions(ctx context.Context, workflowID string, limit int, after string) ([]workflow.Execution, error) {
	// null as graph: a list never needs the snapshot (it is big and decoded on read).
	rs, err := q.q.query(ctx, `select e.id, e.workflow_id, e.status, e.total_cost, e.error_message, e.started_at,
		e.finished_at, e.step_mode, null, e.options from executions e where e.workflow_id = $1
		and ($2 = '' or cast(e.id as text) < $2) order by e.id desc limit $3`, workflowID, after, limit)
	if err != nil {
		return nil, q.d.mapError("list executions", err)
	}
	defer rs.Close()
	out := []workflow.Execution{}
	for rs.Next() {
		e, err := scanExecution(rs)
		if err != nil {
			return nil, q.d.mapError("list executions", err)
		}
		e.Graph = nil
		out = append(out, e)
	}
	return out, q.d.mapError("list executions", rs.Err())
}

// UpdateExecution saves the mutable fields of e: status, total cost, error,
// finish time and step mode.
func (q *Queries) UpdateExecution(ctx context.Context, e workflow.Execution) error {
	n, err := q.q.exec(ctx, `update executions set status = $2, total_cost = $3, error_message = $4,
		finished_at = $5, step_mode = $6 where id = $1`,
		e.ID, string(e.Status), e.TotalCost, e.ErrorMessage, q.d.timePtr(e.FinishedAt), e.StepMode)
	if err == nil && n == 0 {
		err = errNoRows
	}
	return q.d.mapError("update execution", err)
}

// RunningExecutions lists the ids of the executions that are RUNNING.
func (q *Queries) RunningExecutions(ctx context.Context) ([]string, error) {
	rs, err := q.q.query(ctx, `select id from executions where status = 'RUNNING' order by started_at`)
	if err != nil {
		return nil, q.d.mapError("list running executions", err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var id string
		if err := rs.Scan(&id); err != nil {
			return nil, q.d.mapError("list running executions", err)
		}
		out = append(out, id)
	}
	return out, q.d.mapError("list running executions", rs.Err())
}
