package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// outsideCols is the column list read into scanOutside.
const outsideCols = `node_execution_id, slot, endpoint, state, planned_usd, handle, claimed_by, claimed_at, answer`

// scanOutside reads one outside request row.
func scanOutside(r row, extra ...any) (workflow.OutsideRequest, error) {
	var o workflow.OutsideRequest
	var handle jsonCol
	var at dbTime
	err := r.Scan(append([]any{&o.NodeExecutionID, &o.Slot, &o.Endpoint, &o.State, &o.PlannedUSD, &handle,
		&o.ClaimedBy, &at, &o.Answer}, extra...)...)
	o.Handle, o.ClaimedAt = handle.Raw, at.Time
	return o, err
}

// ErrRunEnded says a node execution's run ended (or the node finished), so
// nothing may be sent or reserved for it any more.
var ErrRunEnded = errors.New("the run has ended")

// ClaimRequest claims slot o.Slot of a node execution for a request about
// to be sent (state SUBMITTING), unless the slot is claimed already. It
// answers the slot's row and whether this call claimed it: a request is
// sent only by the caller that claimed its slot, so it is sent once per
// slot whoever else tries at the same time, here or on another replica. A
// node whose run ended, or that finished, claims nothing (ErrRunEnded):
// the claim holds the run's row shared, so it takes turns with the
// transaction that ends the run, whose settlement then sees it.
func (s *Store) ClaimRequest(ctx context.Context, o workflow.OutsideRequest) (workflow.OutsideRequest, bool, error) {
	mine := false
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.nodeIsLive(ctx, o.NodeExecutionID); err != nil {
			return err
		}
		o.ClaimedAt = time.Now().UTC().Truncate(time.Microsecond)
		args := []any{o.NodeExecutionID, o.Slot, o.Endpoint, o.PlannedUSD, o.ClaimedBy}
		at := tx.d.nowOr("$6")
		if at == "$6" {
			args = append(args, tx.d.time(o.ClaimedAt))
		}
		n, err := tx.q.exec(ctx, `insert into outside_requests (node_execution_id, slot, endpoint, state, planned_usd, claimed_by, claimed_at)
			values ($1, $2, $3, 'SUBMITTING', $4, $5, `+at+`) on conflict (node_execution_id, slot) do nothing`, args...)
		if err != nil {
			return tx.d.mapError("claim an outside request", err)
		}
		if mine = n == 1; mine {
			o.State = workflow.RequestSubmitting
			return nil
		}
		got, err := scanOutside(tx.q.queryRow(ctx, `select `+outsideCols+` from outside_requests
			where node_execution_id = $1 and slot = $2`, o.NodeExecutionID, o.Slot))
		o = got
		return tx.d.mapError("read an outside request", err)
	})
	return o, mine, err
}

// nodeIsLive holds a node execution's run shared (Postgres) and refuses,
// with ErrRunEnded, a node whose run ended or that finished.
func (q *Queries) nodeIsLive(ctx context.Context, nodeExecutionID string) error {
	lock := ""
	if q.d.forUpdate != "" {
		lock = " for share of e"
	}
	var run, node string
	err := q.q.queryRow(ctx, `select e.status, ne.status from node_executions ne join executions e on e.id = ne.execution_id
		where ne.id = $1`+lock, nodeExecutionID).Scan(&run, &node)
	if errors.Is(err, errNoRows) {
		return ErrRunEnded // deleted with its workflow
	}
	if err != nil {
		return q.d.mapError("read a node's run", err)
	}
	if workflow.ExecutionStatus(run).Final() || workflow.NodeStatus(node).Final() {
		return ErrRunEnded
	}
	return nil
}

// RunLive reports whether a node execution's run is still going (read
// after whatever the caller saved before, so a run's end that this misses
// sees what was saved).
func (q *Queries) RunLive(ctx context.Context, nodeExecutionID string) (bool, error) {
	err := q.nodeIsLive(ctx, nodeExecutionID)
	if errors.Is(err, ErrRunEnded) {
		return false, nil
	}
	return err == nil, err
}

// SaveRequestHandle saves the handle of an accepted request on the slot
// the caller claimed (SUBMITTING -> SUBMITTED). It reports false when the
// claim is no longer the caller's (it was found stale and marked LOST).
func (q *Queries) SaveRequestHandle(ctx context.Context, nodeExecutionID string, slot int, claimedBy string, handle json.RawMessage) (bool, error) {
	n, err := q.q.exec(ctx, `update outside_requests set state = 'SUBMITTED', handle = $4
		where node_execution_id = $1 and slot = $2 and claimed_by = $3 and state = 'SUBMITTING'`,
		nodeExecutionID, slot, claimedBy, q.d.json(handle))
	return n == 1, q.d.mapError("save an outside request's handle", err)
}

// UnclaimRequest frees a slot whose request the service refused outright
// (it was not accepted, so a retry may send it).
func (q *Queries) UnclaimRequest(ctx context.Context, nodeExecutionID string, slot int, claimedBy string) error {
	_, err := q.q.exec(ctx, `delete from outside_requests
		where node_execution_id = $1 and slot = $2 and claimed_by = $3 and state = 'SUBMITTING'`,
		nodeExecutionID, slot, claimedBy)
	return q.d.mapError("free an outside request's slot", err)
}

// LoseRequest marks a claim LOST (SUBMITTING -> LOST) when it is older
// than stale: its sender stopped before it saved the handle, so the
// service may have accepted the request and it is never sent again. The
// age is measured by the database's clock, the one the claim was stamped
// with, so replicas' clocks do not matter. It reports whether the claim
// was lost (false: it is younger, or its sender saved it meanwhile).
func (q *Queries) LoseRequest(ctx context.Context, nodeExecutionID string, slot int, claimedBy string, stale time.Duration) (bool, error) {
	n, err := q.q.exec(ctx, `update outside_requests set state = 'LOST', ended_at = $4
		where node_execution_id = $1 and slot = $2 and claimed_by = $3 and state = 'SUBMITTING' and claimed_at < `+q.d.ago("$5"),
		nodeExecutionID, slot, claimedBy, q.d.time(time.Now()), q.d.agoArg(stale))
	return n == 1, q.d.mapError("mark an outside request lost", err)
}

// EndRequest records the service's answer to a cancel of an accepted
// request (SUBMITTED -> CANCELLED); it reports false when another process
// recorded one first.
func (q *Queries) EndRequest(ctx context.Context, nodeExecutionID string, slot int, answer string) (bool, error) {
	n, err := q.q.exec(ctx, `update outside_requests set state = 'CANCELLED', ended_at = $3, answer = $4
		where node_execution_id = $1 and slot = $2 and state = 'SUBMITTED'`,
		nodeExecutionID, slot, q.d.time(time.Now()), answer)
	return n == 1, q.d.mapError("end an outside request", err)
}

// Requests lists a node execution's outside requests by slot.
func (q *Queries) Requests(ctx context.Context, nodeExecutionID string) ([]workflow.OutsideRequest, error) {
	rs, err := q.q.query(ctx, `select `+outsideCols+` from outside_requests where node_execution_id = $1 order by slot`, nodeExecutionID)
	if err != nil {
		return nil, q.d.mapError("list outside requests", err)
	}
	defer rs.Close()
	var out []workflow.OutsideRequest
	for rs.Next() {
		o, err := scanOutside(rs)
		if err != nil {
			return nil, q.d.mapError("list outside requests", err)
		}
		out = append(out, o)
	}
	return out, q.d.mapError("list outside requests", rs.Err())
}

// OpenRequests lists the accepted requests of a run's nodes that did not
// complete: what a run that ended must cancel at the service.
func (q *Queries) OpenRequests(ctx context.Context, executionID string) ([]workflow.OutsideRequest, error) {
	rs, err := q.q.query(ctx, `select o.node_execution_id, o.slot, o.endpoint, o.state, o.planned_usd, o.handle, o.claimed_by,
			o.claimed_at, o.answer, ne.node_id
		from outside_requests o join node_executions ne on ne.id = o.node_execution_id
		where ne.execution_id = $1 and o.state = 'SUBMITTED' and ne.status <> 'COMPLETED' order by ne.id, o.slot`, executionID)
	if err != nil {
		return nil, q.d.mapError("list open outside requests", err)
	}
	defer rs.Close()
	var out []workflow.OutsideRequest
	for rs.Next() {
		var node string
		o, err := scanOutside(rs, &node)
		if err != nil {
			return nil, q.d.mapError("list open outside requests", err)
		}
		o.NodeID = node
		out = append(out, o)
	}
	return out, q.d.mapError("list open outside requests", rs.Err())
}
