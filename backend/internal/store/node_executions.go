package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// nodeExecCols is the column list read into scanNodeExecution.
const nodeExecCols = `id, execution_id, node_id, status, input_data, output_data, error_message,
	started_at, finished_at, queued_at, rescues, pending_result, signature, reused_from`

// scanNodeExecution reads one node execution row.
func scanNodeExecution(r row) (workflow.NodeExecution, error) {
	var n workflow.NodeExecution
	var in, out, pending jsonCol
	var started, finished, queued dbTime
	err := r.Scan(&n.ID, &n.ExecutionID, &n.NodeID, &n.Status, &in, &out, &n.ErrorMessage,
		&started, &finished, &queued, &n.Rescues, &pending, &n.Signature, &n.ReusedFrom)
	n.InputData, n.OutputData, n.PendingResult = in.Raw, out.Raw, pending.Raw
	n.StartedAt, n.FinishedAt, n.QueuedAt = started.ptr(), finished.ptr(), queued.ptr()
	return n, err
}

// CreateNodeExecution inserts n, filling its id when empty.
func (q *Queries) CreateNodeExecution(ctx context.Context, n *workflow.NodeExecution) error {
	if n.ID == "" {
		n.ID = workflow.NewID()
	}
	_, err := q.q.exec(ctx, `insert into node_executions (id, execution_id, node_id, status) values ($1, $2, $3, $4)`,
		n.ID, n.ExecutionID, n.NodeID, string(n.Status))
	return q.d.mapError("create node execution", err)
}

// ListNodeExecutions returns the node executions of one execution.
func (q *Queries) ListNodeExecutions(ctx context.Context, executionID string) ([]workflow.NodeExecution, error) {
	rs, err := q.q.query(ctx, `select `+nodeExecCols+` from node_executions where execution_id = $1 order by id`, executionID)
	if err != nil {
		return nil, q.d.mapError("list node executions", err)
	}
	defer rs.Close()
	out := []workflow.NodeExecution{}
	for rs.Next() {
		n, err := scanNodeExecution(rs)
		if err != nil {
			return nil, q.d.mapError("list node executions", err)
		}
		out = append(out, n)
	}
	return out, q.d.mapError("list node executions", rs.Err())
}

// GetNodeExecution reads the state of one node in one execution.
func (q *Queries) GetNodeExecution(ctx context.Context, executionID, nodeID string) (workflow.NodeExecution, error) {
	n, err := scanNodeExecution(q.q.queryRow(ctx, `select `+nodeExecCols+` from node_executions
		where execution_id = $1 and node_id = $2`, executionID, nodeID))
	return n, q.d.mapError("get node execution", err)
}

// nodeUpdateSQL saves every mutable field of a node execution that the
// state machine owns. What a node asked outside services for lives in
// outside_requests, written only under compare-and-set: a write from an
// older read of the row can never erase it.
const nodeUpdateSQL = `update node_executions set status = $2, input_data = $3, output_data = $4,
	error_message = $5, started_at = $6, finished_at = $7, queued_at = $8, rescues = $9,
	pending_result = $10, signature = $11, reused_from = $12 where id = $1`

// nodeUpdateArgs are nodeUpdateSQL's arguments for n.
func (q *Queries) nodeUpdateArgs(n workflow.NodeExecution) []any {
	return []any{n.ID, string(n.Status), q.d.json(n.InputData), q.d.json(n.OutputData), n.ErrorMessage,
		q.d.timePtr(n.StartedAt), q.d.timePtr(n.FinishedAt), q.d.timePtr(n.QueuedAt),
		n.Rescues, q.d.json(n.PendingResult), n.Signature, n.ReusedFrom}
}

// UpdateNodeExecution saves every mutable field of n.
func (q *Queries) UpdateNodeExecution(ctx context.Context, n workflow.NodeExecution) error {
	c, err := q.q.exec(ctx, nodeUpdateSQL, q.nodeUpdateArgs(n)...)
	if err == nil && c == 0 {
		err = errNoRows
	}
	return q.d.mapError("update node execution", err)
}

// WriteNodeExecutions saves node executions. On Postgres the writes are
// queued and go with the transaction's other queued writes in one round
// trip (before its next statement, or its commit).
func (tx *Tx) WriteNodeExecutions(ctx context.Context, list []workflow.NodeExecution) error {
	for _, n := range list {
		if tx.pgx == nil {
			if err := tx.UpdateNodeExecution(ctx, n); err != nil {
				return err
			}
			continue
		}
		tx.pending = append(tx.pending, pendingStmt{sql: nodeUpdateSQL, args: tx.nodeUpdateArgs(n), must: "update node execution"})
	}
	return nil
}

// SavePendingResult keeps a result that could not be recorded, so a retry
// records it instead of running the executor again.
func (q *Queries) SavePendingResult(ctx context.Context, nodeExecutionID string, result []byte) error {
	_, err := q.q.exec(ctx, `update node_executions set pending_result = $2 where id = $1`, nodeExecutionID, q.d.json(result))
	return q.d.mapError("save pending result", err)
}

// CreatePendingNodeExecutions inserts a PENDING node execution for each
// node id in one statement (a run's start writes one per node) and returns
// them.
func (q *Queries) CreatePendingNodeExecutions(ctx context.Context, executionID string, nodeIDs []string) ([]workflow.NodeExecution, error) {
	if len(nodeIDs) == 0 {
		return nil, nil
	}
	list := make([]workflow.NodeExecution, 0, len(nodeIDs))
	var sb strings.Builder
	args := make([]any, 0, 2*len(nodeIDs)+1)
	args = append(args, executionID)
	for i, id := range nodeIDs {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "($%d, $1, $%d, 'PENDING')", len(args)+1, len(args)+2)
		ne := workflow.NodeExecution{ID: workflow.NewID(), ExecutionID: executionID, NodeID: id, Status: workflow.NodePending}
		list = append(list, ne)
		args = append(args, ne.ID, id)
	}
	_, err := q.q.exec(ctx, `insert into node_executions (id, execution_id, node_id, status) values `+sb.String(), args...)
	return list, q.d.mapError("create node executions", err)
}
