package budget

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestAffordSaysWhichBudgetRefuses refuses a run its owner's monthly
// budget, or the server's, cannot cover, with 402 and the figures a user
// reads; a run within both is allowed, and so is any run with no budget.
// (Reservations and their settlement are tested through runs, on both
// databases, in the engine's and the API's tests.)
func TestAffordSaysWhichBudgetRefuses(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	st := store.NewSQLite(db)
	require.NoError(t, st.UpsertUser(ctx, workflow.User{ID: "00000000-0000-0000-0000-0000000000a1", Email: "a@example.com"}))
	user, l := "00000000-0000-0000-0000-0000000000a1", New(st)

	require.NoError(t, l.Afford(ctx, user, 1000), "no budget: any run")
	one := 1.0
	require.NoError(t, st.SetBudget(ctx, user, &one))
	require.NoError(t, l.Afford(ctx, user, 0.5))
	err = l.Afford(ctx, user, 1.5)
	require.True(t, fault.Is(err, fault.CodePaymentRequired), "%v", err)
	require.ErrorContains(t, err, "estimated at $1.5000 but your monthly budget of $1.00 has $1.0000 left")

	server := 0.2
	st.SetBudgets(store.Budgets{Server: &server})
	err = l.Afford(ctx, user, 0.5)
	require.True(t, fault.Is(err, fault.CodePaymentRequired), "%v", err)
	require.ErrorContains(t, err, "this server's monthly budget")
	require.NoError(t, l.Afford(ctx, user, 0.1))
}
