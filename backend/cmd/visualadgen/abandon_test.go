package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestAbandonedRequestsAreSpent gives a user $0.02 with $0.012 images, on
// SQLite and Postgres. While FAL works on a run's request, its workflow
// cannot be deleted (409: deleting would drop what FAL bills). Cancelled,
// the request is cancelled at FAL once and, as FAL may bill it all the
// same, counts at what it was planned to cost: the next run is refused by
// its estimate. Deleted after, the workflow gives no budget back.
func TestAbandonedRequestsAreSpent(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, map[string]string{"DEFAULT_MONTHLY_BUDGET_USD": "0.02",
				"FAL_PRICES": `{"fal-ai/flux/schnell":{"unit":"image","usd":0.012}}`})
			fake.CompleteAfter = time.Hour
			watched, cancelled := fake.Signal("stream"), fake.Signal("cancel")
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			var w, x, p, me obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "abandoned"}, &w))
			id := w["id"].(string)
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", oneImage("yellow sneakers"), &w), w)
			require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", nil, &x), x)
			xid := x["execution_id"].(string)
			await(t, watched, "FAL to accept the request and the node to watch it")

			require.Equal(t, 409, c.call("DELETE", "/api/workflows/"+id, nil, &p))
			require.Contains(t, p["detail"], "still going")
			require.Equal(t, 200, c.call("POST", "/api/executions/"+xid+"/cancel", nil, nil))
			await(t, cancelled, "FAL to be told to stop")
			c.waitStatus(xid, "CANCELLED")
			require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
			require.Equal(t, 0.012, me["spent"], "an accepted request counts at what it was planned to cost")
			require.Equal(t, 0.0, me["reserved"])

			var w2 obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "next"}, &w2))
			require.Equal(t, 200, c.call("PUT", "/api/workflows/"+w2["id"].(string)+"/graph", oneImage("teal sneakers"), &w2), w2)
			require.Equal(t, 402, c.call("POST", "/api/workflows/"+w2["id"].(string)+"/execute", nil, &p), p)
			require.Equal(t, 1, fake.Count("submit"))

			require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+id, nil, nil), "a finished run's workflow may go")
			require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
			require.Equal(t, 0.012, me["spent"], "and gives no budget back")
			var u obj
			require.Equal(t, 200, c.call("GET", "/api/usage?group=model", nil, &u))
			require.Equal(t, obj{"key": "total", "cost": 0.012, "images": 0.0, "runs": 1.0, "reused": 0.0}, u["total"])
			require.Equal(t, 1, fake.Count("cancel"), "cancelled once")
		})
	}
}
