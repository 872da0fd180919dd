// Package budget owns a run's money: it refuses a run its owner's monthly
// budget (or the server's) cannot cover before it starts, sets a paid
// node's planned cost aside before the node pays (a reservation), and
// settles reservations where a node or a run ends: what the node recorded
// is spent, what an outside service may bill for requests it accepted is
// charged at their planned cost, and the rest returns to the budget. The
// guards themselves are in the database (internal/store: the user's row
// and the server's lock taken while reserving, the settlement in the
// transaction that ends the node or the run), so replicas share them; the
// engine calls this package and keeps no money of its own.
package budget

import (
	"context"
	"errors"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Ledger is the budget over a store.
type Ledger struct{ st *store.Store }

// New returns the ledger of st.
func New(st *store.Store) Ledger { return Ledger{st: st} }

// Afford refuses a run estimated at total (402) when it is more than the
// server's monthly budget has left, or more than the user's has left
// (running nodes' reservations counted); without budgets every run is.
func (l Ledger) Afford(ctx context.Context, user string, total float64) error {
	s, err := l.st.SpendOf(ctx, user, false)
	if err != nil {
		return err
	}
	server, err := l.st.ServerLeft(ctx, false)
	if err != nil {
		return err
	}
	left := s.Left()
	if server != nil && total > *server+1e-9 {
		return &fault.Error{Code: fault.CodePaymentRequired, Message: store.ServerRefusal(total, *server)}
	}
	if left == nil || total <= *left+1e-9 {
		return nil
	}
	return &fault.Error{Code: fault.CodePaymentRequired, Message: fmt.Sprintf("this run is estimated at $%.4f but your monthly budget of $%.2f has $%.4f left: raise the budget, reuse more (fewer fresh nodes), or wait for next month",
		total, *s.Budget, max(*left, 0))}
}

// Reserver is a paid node's executor.Run.Reserve: it sets the node's
// planned cost aside from user's budget, in a transaction of its own,
// before the node pays, and never once its run ended
// (executor.ErrRunEnded).
func (l Ledger) Reserver(user, nodeExecutionID string) func(context.Context, float64, string) error {
	return func(ctx context.Context, usd float64, model string) error {
		err := l.st.InTx(ctx, func(tx *store.Tx) error { return tx.Reserve(ctx, user, nodeExecutionID, model, usd) })
		if errors.Is(err, store.ErrRunEnded) {
			return executor.ErrRunEnded
		}
		return err
	}
}

// SettleNode settles a node execution's reservation in tx, the
// transaction that ends the node (after its cost, if any, is recorded).
// Every node that ends settles, reserved or not: a retried attempt may not
// know an earlier one reserved.
func SettleNode(ctx context.Context, tx *store.Tx, nodeExecutionID string) error {
	return tx.Release(ctx, nodeExecutionID)
}

// SettleRun settles every reservation of a run in tx, the transaction
// that ends it.
func SettleRun(ctx context.Context, tx *store.Tx, executionID string) error {
	return tx.ReleaseRun(ctx, executionID)
}
