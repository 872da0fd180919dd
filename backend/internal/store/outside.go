package store

import (
	"context"
	"encoding/json"
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

// ClaimRequest claims slot o.Slot of a node execution for a request about
// to be sent (state SUBMITTING), unless the slot is claimed already. It
// answers the slot's row and whether this call claimed it: a request is
// sent only by the caller that claimed its slot, so it is sent once per
// slot whoever else tries at the same time, here or on another replica.
func (q *Queries) ClaimRequest(ctx context.Context, o workflow.OutsideRequest) (workflow.OutsideRequest, bool, error) {
	o.ClaimedAt = time.Now().UTC().Truncate(time.Microsecond)
	n, err := q.q.exec(ctx, `insert into outside_requests (node_execution_id, slot, endpoint, state, planned_usd, claimed_by, claimed_at)
		values ($1, $2, $3, 'SUBMITTING', $4, $5, $6) on conflict (node_execution_id, slot) do nothing`,
		o.NodeExecutionID, o.Slot, o.Endpoint, o.PlannedUSD, o.ClaimedBy, q.d.time(o.ClaimedAt))
	if err != nil {
		return o, false, q.d.mapError("claim an outside request", err)
	}
	if n == 1 {
		o.State = workflow.RequestSubmitting
		return o, true, nil
	}
	got, err := scanOutside(q.q.queryRow(ctx, `select `+outsideCols+` from outside_requests
		where node_execution_id = $1 and slot = $2`, o.NodeExecutionID, o.Slot))
	return got, false, q.d.mapError("read an outside request", err)
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

// LoseRequest marks a claim LOST (SUBMITTING -> LOST): its sender stopped
// before it saved the handle, so the service may have accepted the request
// and it is never sent again. It reports whether the claim was still the
// one named (false: its sender saved the handle meanwhile).
func (q *Queries) LoseRequest(ctx context.Context, nodeExecutionID string, slot int, claimedBy string) (bool, error) {
	n, err := q.q.exec(ctx, `update outside_requests set state = 'LOST', ended_at = $4
		where node_execution_id = $1 and slot = $2 and claimed_by = $3 and state = 'SUBMITTING'`,
		nodeExecutionID, slot, claimedBy, q.d.time(time.Now()))
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
