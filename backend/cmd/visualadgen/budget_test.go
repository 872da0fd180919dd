package main

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// oneImage is TEXT -> PROMPT -> IMAGE_MODEL (one image) -> OUTPUT for text.
func oneImage(text string) obj {
	t, p, m, o := uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()
	return obj{"nodes": []obj{node(t, "TEXT_INPUT", "Product", obj{"value": text}), node(p, "PROMPT", "Prompt", obj{"template": "An ad for {{text}}"}),
		node(m, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell", "parameters": obj{"image_size": "square"}}),
		node(o, "OUTPUT", "Ads", obj{"num_images": 1})},
		"edges": []obj{edge(t, p, ""), edge(p, m, "prompt"), edge(m, o, "")}}
}

// TestBudgetsCannotBeOverspent gives a user $0.05 and starts twenty runs of
// $0.012 at once on Postgres: no more than the budget is ever spent, the
// refused runs say why, a run refused by its estimate creates nothing, and
// usage adds up to the runs' costs.
func TestBudgetsCannotBeOverspent(t *testing.T) {
	fake := faltest.New()
	fake.CompleteAfter = 200 * time.Millisecond
	t.Cleanup(fake.Close)
	c := api{t: t, base: startServer(t, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true",
		"DATABASE_URL": pgtest.URL(t), "DEFAULT_MONTHLY_BUDGET_USD": "0.05", "ENGINE_WORKERS": "32",
		"FAL_PRICES": `{"fal-ai/flux/schnell":{"unit":"image","usd":0.012}}`})}
	var me obj
	require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
	require.Equal(t, 0.05, me["monthly_budget"], "the default for new users")

	ids := make([]string, 20)
	for i := range ids {
		var w obj
		require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": fmt.Sprint("run ", i)}, &w))
		ids[i] = w["id"].(string)
		require.Equal(t, 200, c.call("PUT", "/api/workflows/"+ids[i]+"/graph", oneImage(fmt.Sprint("sneakers ", i)), &w), w)
	}
	var mu sync.Mutex
	var started []string
	refused := 0
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			var x obj
			code := c.call("POST", "/api/workflows/"+id+"/execute", nil, &x)
			mu.Lock()
			defer mu.Unlock()
			if code == 402 {
				refused++
				require.Contains(t, x["detail"], "monthly budget of $0.05")
				return
			}
			require.Equal(t, 200, code, x)
			started = append(started, x["execution_id"].(string))
		})
	}
	wg.Wait()
	spent, completed, paidWorkflow := 0.0, 0, ""
	for _, xid := range started {
		x := c.waitEnded(xid)
		if x["status"] == "COMPLETED" {
			completed++
			paidWorkflow = x["workflow_id"].(string)
		} else {
			require.Contains(t, x["error_message"], "monthly budget of $0.05", "a node that could not reserve names the budget")
		}
		if v, ok := x["total_cost"].(float64); ok {
			spent += v
		}
	}
	require.Equal(t, 4, completed, "four runs of $0.012 fit in $0.05")
	require.LessOrEqual(t, spent, 0.05+1e-9)
	require.Len(t, fake.Submits, 4, "FAL was paid only what the budget covers")
	t.Logf("twenty runs of $0.012 on a $0.05 budget: %d refused at start, %d failed at their image model, %d completed; spent $%.3f",
		refused, len(started)-completed, completed, spent)

	var list obj
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+ids[0]+"/executions", nil, &list))
	before := len(list["executions"].([]any))
	var p obj
	require.Equal(t, 402, c.call("POST", "/api/workflows/"+ids[0]+"/execute", obj{"fresh": true}, &p))
	require.Contains(t, p["detail"], "estimated at $0.0120")
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+ids[0]+"/executions", nil, &list))
	require.Len(t, list["executions"], before, "a refused run creates nothing")

	var usage obj
	require.Equal(t, 200, c.call("GET", "/api/usage?group=workflow", nil, &usage))
	require.InDelta(t, spent, usage["total"].(obj)["cost"], 1e-9, "usage adds up to the runs' costs")
	require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
	require.Equal(t, 0.0, me["reserved"], "every reservation was settled when its run ended")
	require.InDelta(t, spent, me["spent"], 1e-9)

	// Deleting a workflow that paid gives no budget back; usage keeps it.
	if paidWorkflow == ids[0] {
		ids[0], ids[1] = ids[1], ids[0]
	}
	require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+paidWorkflow, nil, nil))
	require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
	require.InDelta(t, spent, me["spent"], 1e-9, "a deleted workflow's spend still counts")
	require.Equal(t, 402, c.call("POST", "/api/workflows/"+ids[0]+"/execute", obj{"fresh": true}, &p))
	require.Equal(t, 200, c.call("GET", "/api/usage?group=workflow", nil, &usage))
	require.InDelta(t, spent, usage["total"].(obj)["cost"], 1e-9)
	require.Contains(t, fmt.Sprint(usage["groups"]), " (deleted)")

	require.Equal(t, 200, c.call("PUT", "/api/me/budget", obj{"monthly_usd": nil}, &me))
	require.Nil(t, me["monthly_budget"])
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+ids[0]+"/execute", obj{"fresh": true}, &p), p)
}

// TestReuseStaysWithItsUser runs the same graph as user A and as user B:
// B reuses nothing of A's.
func TestReuseStaysWithItsUser(t *testing.T) {
	fake := faltest.New()
	t.Cleanup(fake.Close)
	supa := fakeSupabase(t)
	base := startServer(t, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk", "SUPABASE_JWT_SECRET": secret,
		"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"})
	g := oneImage("shared sneakers")
	for i, who := range []string{"A", "B"} {
		c := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
		done, nodes := runGraph(t, c, g, "COMPLETED")
		require.Len(t, fake.Submits, i+1, "%s paid for their own picture", who)
		require.Greater(t, done["total_cost"], 0.0)
		for name, ne := range nodes {
			require.Nil(t, ne["reused_from"], "%s's %s", who, name)
		}
		g = oneImage("shared sneakers") // the same graph, new ids (B's own workflow)
	}
}
