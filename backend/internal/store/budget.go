package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// MonthStart is the start of t's calendar month in UTC, when budgets reset.
func MonthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// Spend is what a user has spent this month and set aside for nodes that
// are running, against their budget (nil: none). Budget is the one that
// applies: the user's own, under the operator's ceiling.
type Spend struct {
	Budget   *float64
	Spent    float64
	Reserved float64
	// Ceiling is the most any user's budget may be (nil: none); Server is
	// what all users together may spend this month (nil: no limit).
	Ceiling, Server *float64
}

// Left is what the budget has left (nil without a budget).
func (s Spend) Left() *float64 {
	if s.Budget == nil {
		return nil
	}
	left := *s.Budget - s.Spent - s.Reserved
	return &left
}

// SpendOf reads the user's budget, this month's spend (their spend ledger
// since the month started, deleted workflows included) and what is reserved.
// In a transaction on Postgres it first locks the user's row, so
// reservations made under it take turns.
func (q *Queries) SpendOf(ctx context.Context, userID string, lock bool) (Spend, error) {
	var s Spend
	suffix := ""
	if lock {
		suffix = q.d.forUpdate
	}
	if err := q.q.queryRow(ctx, `select monthly_budget from users where id = $1`+suffix, userID).Scan(&s.Budget); err != nil {
		return s, q.d.mapError("read budget", err)
	}
	if q.set != nil {
		s.Ceiling, s.Server = q.set.maxBudget, q.set.serverBudget
	}
	if c := s.Ceiling; c != nil && (s.Budget == nil || *s.Budget > *c) {
		s.Budget = c // the operator's ceiling caps what the user set (or left unset)
	}
	// One statement, so one snapshot: a node completing meanwhile (its cost
	// recorded and its reservation released together) is counted once,
	// either way, never zero times.
	err := q.q.queryRow(ctx, `select
		(select coalesce(sum(amount), 0) from spend_ledger where user_id = $1 and created_at >= $2),
		(select coalesce(sum(amount), 0) from budget_reservations where user_id = $1)`,
		userID, q.d.time(MonthStart(time.Now()))).Scan(&s.Spent, &s.Reserved)
	return s, q.d.mapError("read spend", err)
}

// SetBudget sets the user's monthly budget (nil: none). Under an
// operator's ceiling a user may lower theirs and never raise it past the
// ceiling (nor leave it unset).
func (q *Queries) SetBudget(ctx context.Context, userID string, usd *float64) error {
	if c := q.ceiling(); c != nil && (usd == nil || *usd > *c+1e-9) {
		msg := fmtUSD("must be at most %s, the most this server allows a month", *c)
		return fault.Invalid("your monthly budget "+msg, fault.Field{Location: "monthly_usd", Message: msg})
	}
	n, err := q.q.exec(ctx, `update users set monthly_budget = $2 where id = $1`, userID, usd)
	if err == nil && n == 0 {
		err = errNoRows
	}
	return q.d.mapError("set budget", err)
}

// ceiling is the operator's budget ceiling (nil: none).
func (q *Queries) ceiling() *float64 {
	if q.set == nil {
		return nil
	}
	return q.set.maxBudget
}

// ErrOverBudget is the code of a reservation the budget cannot cover.
var ErrOverBudget = errors.New("over budget")

// Reserve sets usd aside for a node execution's request to model from its
// owner's budget, once per node execution, while its run is going
// (ErrRunEnded after). Call it in a transaction: on
// Postgres the user's row is locked while the spend is read, so concurrent
// nodes can never reserve past the budget together.
func (tx *Tx) Reserve(ctx context.Context, userID, nodeExecutionID, model string, usd float64) error {
	if err := tx.nodeIsLive(ctx, nodeExecutionID); err != nil {
		return err // nothing is set aside for a node whose run ended: its settlement has passed
	}
	s, err := tx.SpendOf(ctx, userID, true)
	if err != nil {
		return err
	}
	var held float64
	err = tx.q.queryRow(ctx, `select amount from budget_reservations where node_execution_id = $1`, nodeExecutionID).Scan(&held)
	if err == nil {
		return nil // reserved by an earlier attempt of this node
	}
	if !errors.Is(err, errNoRows) {
		return tx.d.mapError("read reservation", err)
	}
	if left := s.Left(); left != nil && usd > *left+1e-9 {
		return &fault.Error{Code: fault.CodePaymentRequired, Cause: ErrOverBudget,
			Message: overBudget(usd, *left, *s.Budget)}
	}
	if err := tx.serverRoom(ctx, usd); err != nil {
		return err
	}
	_, err = tx.q.exec(ctx, `insert into budget_reservations (id, user_id, node_execution_id, model_id, amount, created_at)
		values ($1, $2, $3, $4, $5, $6)`, workflow.NewID(), userID, nodeExecutionID, model, usd, tx.d.time(time.Now()))
	return tx.d.mapError("reserve budget", err)
}

// overBudget says what a run or node needed and what the budget had.
func overBudget(need, left, budget float64) string {
	return fmtUSD("this needs %s but your monthly budget of %s has %s left: raise it, or wait for next month", need, budget, max(left, 0))
}

// chargeSQL turns the reservations the where clause picks (by their
// node_execution_id) into spend when the outside service accepted one of
// their node's requests (outside_requests has a row: sent, lost or
// cancelled after it was sent) and the node recorded no cost: the run was
// cancelled, the node failed or its server went, and FAL may bill those
// requests all the same. Each counts at what it was planned to cost (no
// images); a request saved by an earlier version, with no planned cost,
// counts the whole reservation.
const chargeSQL = `insert into spend_ledger (id, user_id, generation_id, execution_id, workflow_id, workflow_name,
	model_id, images, amount, created_at)
	select r.id, r.user_id, null, e.id, w.id, w.name, coalesce(r.model_id, ''), 0,
		case when exists (select 1 from outside_requests o where o.node_execution_id = ne.id and o.planned_usd is null)
			then r.amount else (select sum(o.planned_usd) from outside_requests o where o.node_execution_id = ne.id) end,
		r.created_at
	from budget_reservations r join node_executions ne on ne.id = r.node_execution_id
	join executions e on e.id = ne.execution_id join workflows w on w.id = e.workflow_id
	where exists (select 1 from outside_requests o where o.node_execution_id = ne.id)
		and not exists (select 1 from generations g where g.id = ne.id) and `

// releaseWhere and releaseRunWhere pick a node execution's reservation and
// the reservations of a run's node executions.
const (
	releaseWhere    = `node_execution_id = $1`
	releaseRunWhere = `node_execution_id in (select id from node_executions where execution_id = $1)`
)

// Release settles a node execution's reservation, if it has one (its cost,
// if any, is recorded as a generation in the same transaction, before).
// Every node that ends releases, reserved or not: a retried attempt may not
// know an earlier one reserved.
func (tx *Tx) Release(ctx context.Context, nodeExecutionID string) error {
	return tx.settle(ctx, releaseWhere, nodeExecutionID)
}

// ReleaseRun settles every reservation of a run that ended.
func (tx *Tx) ReleaseRun(ctx context.Context, executionID string) error {
	return tx.settle(ctx, releaseRunWhere, executionID)
}

// settle charges what FAL may bill of the reservations where picks (see
// chargeSQL) and deletes them. On Postgres both go with the transaction's
// other queued writes, in one round trip.
func (tx *Tx) settle(ctx context.Context, where string, id string) error {
	del := `delete from budget_reservations where ` + where
	if tx.pgx != nil {
		tx.pending = append(tx.pending, pendingStmt{sql: chargeSQL + where, args: []any{id}},
			pendingStmt{sql: del, args: []any{id}})
		return nil
	}
	if _, err := tx.q.exec(ctx, chargeSQL+where, id); err != nil {
		return tx.d.mapError("charge reservation", err)
	}
	_, err := tx.q.exec(ctx, del, id)
	return tx.d.mapError("release reservation", err)
}

// fmtUSD formats dollar amounts into a message.
func fmtUSD(format string, usd ...float64) string {
	args := make([]any, len(usd))
	for i, v := range usd {
		args[i] = fmt.Sprintf("$%.2f", v)
		if v > 0 && v < 0.01 {
			args[i] = fmt.Sprintf("$%.4f", v)
		}
	}
	return fmt.Sprintf(format, args...)
}
