package httpapi

import (
	"context"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// MeOutput answers GET /api/me: who you are and where your month stands.
type MeOutput struct {
	Body struct {
		ID            string    `json:"id"`
		Email         string    `json:"email"`
		MonthlyBudget *float64  `json:"monthly_budget" doc:"The most you may spend in a calendar month (UTC), in US dollars; null for no limit."`
		MonthStart    time.Time `json:"month_start"`
		Spent         float64   `json:"spent" doc:"What your runs cost since the month started."`
		Reserved      float64   `json:"reserved" doc:"What running nodes have set aside to pay."`
		Left          *float64  `json:"left" doc:"What the budget has left; null without one."`
		MaxBudget     *float64  `json:"max_monthly_budget" doc:"The most this server lets a user's monthly budget be, in US dollars; null for no ceiling. You may lower yours, never raise it past this."`
		ServerBudget  *float64  `json:"server_monthly_budget" doc:"What all users of this server together may spend in a month, in US dollars; null for no limit."`
	}
}

// handleMe answers who the caller is, with their budget and spend.
func handleMe(st *store.Store, log *slog.Logger) func(context.Context, *struct{}) (*MeOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*MeOutput, error) {
		user := userOf(ctx)
		u, err := st.GetUser(ctx, user)
		if err != nil {
			return nil, problem(log, err)
		}
		s, err := st.SpendOf(ctx, user, false)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &MeOutput{}
		b := &out.Body
		b.ID, b.Email, b.MonthlyBudget, b.MonthStart = u.ID, u.Email, s.Budget, store.MonthStart(time.Now())
		b.Spent, b.Reserved, b.Left = cost.Round(s.Spent), cost.Round(s.Reserved), s.Left()
		b.MaxBudget, b.ServerBudget = s.Ceiling, s.Server
		if b.Left != nil {
			l := cost.Round(*b.Left)
			b.Left = &l
		}
		return out, nil
	}
}

// BudgetInput is the body of PUT /api/me/budget.
type BudgetInput struct {
	Body struct {
		MonthlyUSD *float64 `json:"monthly_usd" minimum:"0" maximum:"1000000" doc:"The most to spend in a calendar month, in US dollars; null for no limit."`
	}
}

// handleSetBudget sets the caller's monthly budget and answers GET /api/me.
func handleSetBudget(st *store.Store, log *slog.Logger) func(context.Context, *BudgetInput) (*MeOutput, error) {
	me := handleMe(st, log)
	return func(ctx context.Context, in *BudgetInput) (*MeOutput, error) {
		if err := st.SetBudget(ctx, userOf(ctx), in.Body.MonthlyUSD); err != nil {
			return nil, problem(log, err)
		}
		return me(ctx, nil)
	}
}
