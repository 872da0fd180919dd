package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// workflowCols is the column list read into scanWorkflow.
const workflowCols = `id, user_id, name, description, is_active, created_at, updated_at, version`

// scanWorkflow reads one workflow row.
func scanWorkflow(r row) (workflow.Workflow, error) {
	var w workflow.Workflow
	var created, updated dbTime
	err := r.Scan(&w.ID, &w.UserID, &w.Name, &w.Description, &w.IsActive, &created, &updated, &w.Version)
	w.CreatedAt, w.UpdatedAt = created.Time, updated.Time
	return w, err
}

// CreateWorkflow inserts w, filling its id (when empty) and timestamps.
func (q *Queries) CreateWorkflow(ctx context.Context, w *workflow.Workflow) error {
	if w.ID == "" {
		w.ID = workflow.NewID()
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	w.CreatedAt, w.UpdatedAt, w.Version = now, now, 1
	_, err := q.q.exec(ctx, `insert into workflows (id, user_id, name, description, is_active, created_at, updated_at)
		values ($1, $2, $3, $4, $5, $6, $6)`, w.ID, w.UserID, w.Name, w.Description, w.IsActive, q.d.time(now))
	return q.d.mapError("create workflow", err)
}

// ListWorkflows returns the user's workflows, newest first.
func (q *Queries) ListWorkflows(ctx context.Context, userID string) ([]workflow.Workflow, error) {
	rs, err := q.q.query(ctx, `select `+workflowCols+` from workflows where user_id = $1 order by created_at desc, id desc`, userID)
	if err != nil {
		return nil, q.d.mapError("list workflows", err)
	}
	defer rs.Close()
	out := []workflow.Workflow{}
	for rs.Next() {
		w, err := scanWorkflow(rs)
		if err != nil {
			return nil, q.d.mapError("list workflows", err)
		}
		out = append(out, w)
	}
	return out, q.d.mapError("list workflows", rs.Err())
}

// GetWorkflow reads a workflow with its nodes and edges. An empty userID
// skips the owner check (for the engine); otherwise another user's workflow
// is ErrNotFound, exactly like a missing one.
func (q *Queries) GetWorkflow(ctx context.Context, userID, id string) (workflow.Workflow, error) {
	if !workflow.ValidID(id) {
		return workflow.Workflow{}, q.d.mapError("get workflow", errNoRows)
	}
	w, err := scanWorkflow(q.q.queryRow(ctx, `select `+workflowCols+` from workflows
		where id = $1 and ($2 = '' or cast(user_id as text) = $2)`, id, userID))
	if err != nil {
		return w, q.d.mapError("get workflow", err)
	}
	g, err := q.graph(ctx, id)
	w.Nodes, w.Edges = g.Nodes, g.Edges
	return w, err
}

// WorkflowPatch holds the fields PATCH may change; nil leaves a field as is.
type WorkflowPatch struct {
	Name             *string
	Description      *string
	ClearDescription bool // sets the description to null (when Description is nil)
	IsActive         *bool
}

// UpdateWorkflow applies p to the user's workflow and returns it whole.
func (q *Queries) UpdateWorkflow(ctx context.Context, userID, id string, p WorkflowPatch) (workflow.Workflow, error) {
	if !workflow.ValidID(id) {
		return workflow.Workflow{}, q.d.mapError("update workflow", errNoRows)
	}
	n, err := q.q.exec(ctx, `update workflows set name = coalesce($3, name),
		description = case when $7 then null else coalesce($4, description) end, is_active = coalesce($5, is_active), updated_at = $6
		where id = $1 and user_id = $2`, id, userID, p.Name, p.Description, p.IsActive, q.d.time(time.Now()), p.ClearDescription && p.Description == nil)
	if err != nil {
		return workflow.Workflow{}, q.d.mapError("update workflow", err)
	}
	if n == 0 {
		return workflow.Workflow{}, q.d.mapError("update workflow", errNoRows)
	}
	return q.GetWorkflow(ctx, userID, id)
}

// BumpVersion counts a save of the workflow's graph, refusing it when the
// workflow is no longer at version expect (nil: save over any version). It
// locks the workflow's row on Postgres, so concurrent saves take turns.
func (q *Queries) BumpVersion(ctx context.Context, id string, expect *int64) (int64, error) {
	var v int64
	err := q.q.queryRow(ctx, `update workflows set version = version + 1, updated_at = $3
		where id = $1 and version = coalesce($2, version) returning version`, id, expect, q.d.time(time.Now())).Scan(&v)
	if errors.Is(err, errNoRows) {
		var now int64
		if err := q.q.queryRow(ctx, `select version from workflows where id = $1`, id).Scan(&now); err != nil {
			return 0, q.d.mapError("save graph", err)
		}
		return 0, fault.Conflict("this workflow was saved elsewhere since you opened it (it is at version %d, yours is %d): reload it, or save again to overwrite", now, *expect)
	}
	return v, q.d.mapError("save graph", err)
}

// TouchWorkflow sets updated_at to now.
func (q *Queries) TouchWorkflow(ctx context.Context, id string) error {
	_, err := q.q.exec(ctx, `update workflows set updated_at = $2 where id = $1`, id, q.d.time(time.Now()))
	return q.d.mapError("touch workflow", err)
}

// DeleteWorkflow removes the user's workflow and, by cascade, everything in it.
func (q *Queries) DeleteWorkflow(ctx context.Context, userID, id string) error {
	if !workflow.ValidID(id) {
		return q.d.mapError("delete workflow", errNoRows)
	}
	// A run in progress may have asked FAL for pictures: it must end first
	// (cancelled, its outside work cancelled and its spend settled), or
	// deleting it would drop what FAL bills from the user's budget.
	n, err := q.q.exec(ctx, `delete from workflows where id = $1 and user_id = $2
		and not exists (select 1 from executions where workflow_id = $1 and status in (`+activeStatuses()+`))`, id, userID)
	if err == nil && n == 0 {
		var active bool
		if err = q.q.queryRow(ctx, `select exists (select 1 from executions e join workflows w on w.id = e.workflow_id
			where w.id = $1 and w.user_id = $2 and e.status in (`+activeStatuses()+`))`, id, userID).Scan(&active); err == nil {
			err = errNoRows
			if active {
				return fault.Conflict("a run of this workflow is still going: cancel it (or let it finish), then delete the workflow")
			}
		}
	}
	return q.d.mapError("delete workflow", err)
}

// activeStatuses is the SQL list of the execution statuses that are not
// final.
func activeStatuses() string {
	var out []string
	for _, s := range workflow.ExecutionStatuses {
		if !s.Final() {
			out = append(out, "'"+string(s)+"'")
		}
	}
	return strings.Join(out, ", ")
}
