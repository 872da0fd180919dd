package store

import (
	"context"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// serverBudgetLock is the Postgres advisory lock that reservations against
// the server's monthly budget take turns under (SQLite has one writer).
const serverBudgetLock = 4_200_191

// ServerLeft is what the server's monthly budget has left: its budget less
// this month's spend and every running node's reservation, of all users
// (nil without a server budget). In a transaction on Postgres it first
// takes the server budget's lock, so reservations made under it take turns.
func (q *Queries) ServerLeft(ctx context.Context, lock bool) (*float64, error) {
	if q.set == nil || q.set.serverBudget == nil {
		return nil, nil
	}
	if lock && q.d.forUpdate != "" {
		if _, err := q.q.exec(ctx, `select pg_advisory_xact_lock($1)`, serverBudgetLock); err != nil {
			return nil, q.d.mapError("lock the server budget", err)
		}
	}
	s, err := q.ServerSpend(ctx)
	if err != nil {
		return nil, err
	}
	left := *q.set.serverBudget - s.Month - s.Reserved
	return &left, nil
}

// ServerSpending is what all users of the server spent this calendar month
// (UTC) and what running nodes hold reserved: what the server's budget
// counts, and what operators' metrics show.
type ServerSpending struct {
	Month        float64 // spent this month, in US dollars
	Reserved     float64 // held by running nodes, in US dollars
	Reservations int     // how many reservations are held
}

// ServerSpend reads the server's spending (see ServerSpending).
func (q *Queries) ServerSpend(ctx context.Context) (ServerSpending, error) {
	var s ServerSpending
	err := q.q.queryRow(ctx, `select
		(select coalesce(sum(amount), 0) from spend_ledger where created_at >= $1),
		(select coalesce(sum(amount), 0) from budget_reservations),
		(select count(*) from budget_reservations)`, q.d.time(MonthStart(time.Now()))).Scan(&s.Month, &s.Reserved, &s.Reservations)
	if err != nil {
		return s, q.d.mapError("read the server's spend", err)
	}
	return s, nil
}

// serverRoom refuses a reservation of usd that the server's monthly budget
// cannot cover (under its lock: call it in the reservation's transaction).
func (tx *Tx) serverRoom(ctx context.Context, usd float64) error {
	left, err := tx.ServerLeft(ctx, true)
	if err != nil || left == nil || usd <= *left+1e-9 {
		return err
	}
	return &fault.Error{Code: fault.CodePaymentRequired, Cause: ErrOverBudget, Message: serverOverBudget(usd, *left)}
}

// serverOverBudget says what a run or node needed and what the server had.
func serverOverBudget(need, left float64) string {
	return fmtUSD("this needs %s but this server's monthly budget for all its users has %s left: try again next month, or ask its operator", need, max(left, 0))
}

// ServerRefusal is the message of a run the server's budget cannot cover
// (for estimates before a run starts).
func ServerRefusal(need, left float64) string { return serverOverBudget(need, left) }
