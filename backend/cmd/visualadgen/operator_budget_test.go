package main

import (
	"fmt"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// TestOperatorCapsSpending runs a Postgres server whose operator allows a
// user at most $1 a month and all users together $0.036 (three $0.012
// pictures). A user starts at the ceiling, may lower their budget and can
// never raise it past the ceiling nor remove it; /api/me shows both
// limits. Two users then start ten runs each at once: three complete, FAL
// is paid three times, and the others are refused naming the server's
// budget.
func TestOperatorCapsSpending(t *testing.T) {
	const secret = "operator-secret-operator-secret-0123"
	fake := faltest.New()
	t.Cleanup(fake.Close)
	supa := fakeSupabase(t)
	base := startServer(t, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk", "SUPABASE_JWT_SECRET": secret,
		"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true", "DATABASE_URL": pgtest.URL(t),
		"MAX_MONTHLY_BUDGET_USD": "1", "SERVER_MONTHLY_BUDGET_USD": "0.036", "ENGINE_WORKERS": "32",
		"FAL_PRICES": `{"fal-ai/flux/schnell":{"unit":"image","usd":0.012}}`})
	users := []api{}
	for range 2 {
		users = append(users, api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)})
	}
	var me, p obj
	a := users[0]
	require.Equal(t, 200, a.call("GET", "/api/me", nil, &me))
	require.Equal(t, 1.0, me["monthly_budget"], "a new user starts at the ceiling")
	require.Equal(t, 1.0, me["max_monthly_budget"])
	require.Equal(t, 0.036, me["server_monthly_budget"])
	require.Equal(t, 422, a.call("PUT", "/api/me/budget", obj{"monthly_usd": 1e6}, &p), p)
	requireLocation(t, p, "body.monthly_usd", "at most $1.00")
	require.Equal(t, 422, a.call("PUT", "/api/me/budget", obj{"monthly_usd": nil}, &p), p)
	requireLocation(t, p, "body.monthly_usd", "at most $1.00")
	require.Equal(t, 200, a.call("PUT", "/api/me/budget", obj{"monthly_usd": 0.5}, &me), me)
	require.Equal(t, 0.5, me["monthly_budget"], "lowering is allowed")

	type run struct {
		c  api
		id string
	}
	var runs []run
	for u, c := range users {
		for i := range 10 {
			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": fmt.Sprint("run ", i)}, &w))
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+w["id"].(string)+"/graph", oneImage(fmt.Sprintf("user %d sneakers %d", u, i)), &w), w)
			runs = append(runs, run{c, w["id"].(string)})
		}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	completed, refused := 0, 0
	for _, r := range runs {
		wg.Go(func() {
			var x obj
			code := r.c.call("POST", "/api/workflows/"+r.id+"/execute", nil, &x)
			status, msg := "", ""
			if code == 200 {
				done := r.c.waitEnded(x["execution_id"].(string))
				status, _ = done["status"].(string)
				msg, _ = done["error_message"].(string)
			} else {
				msg, _ = x["detail"].(string)
			}
			mu.Lock()
			defer mu.Unlock()
			if status == "COMPLETED" {
				completed++
				return
			}
			refused++
			require.Contains(t, msg, "this server's monthly budget for all its users", "code %d", code)
		})
	}
	wg.Wait()
	require.Equal(t, 3, completed, "$0.036 for all users pays three $0.012 pictures")
	require.Equal(t, 17, refused)
	require.Equal(t, 3, fake.Count("submit"), "FAL was paid only what the server's budget covers")
}
