package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUsageOutlivesWorkflows runs two paid workflows on SQLite and
// Postgres, deletes one, and reads usage by day, workflow and model: the
// totals are what the runs cost, the deleted workflow's spend stays under
// its name marked deleted, and the month's spend does not go down.
func TestUsageOutlivesWorkflows(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			_, env := withFAL(t, map[string]string{"FAL_PRICES": `{"fal-ai/flux/schnell":{"unit":"image","usd":0.012}}`})
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			first, _ := runGraph(t, c, oneImage("blue sneakers"), "COMPLETED")
			second, _ := runGraph(t, c, oneImage("green sneakers"), "COMPLETED")
			require.Equal(t, 0.012, first["total_cost"])
			require.Equal(t, 0.012, second["total_cost"])
			var w obj
			require.Equal(t, 200, c.call("GET", "/api/workflows/"+first["workflow_id"].(string), nil, &w))
			name := w["name"].(string)
			require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+first["workflow_id"].(string), nil, nil))

			groups := func(by string) (map[string]obj, obj) {
				var u obj
				require.Equal(t, 200, c.call("GET", "/api/usage?group="+by, nil, &u), u)
				out := map[string]obj{}
				for _, g := range u["groups"].([]any) {
					out[g.(obj)["key"].(string)] = g.(obj)
				}
				return out, u["total"].(obj)
			}
			byWorkflow, total := groups("workflow")
			require.Equal(t, 0.024, total["cost"], "the deleted workflow's spend stays")
			require.Equal(t, 2.0, total["images"])
			require.Equal(t, 0.012, byWorkflow[name+" (deleted)"]["cost"], "under its name, marked deleted")
			byModel, _ := groups("model")
			require.Equal(t, 0.024, byModel["fal-ai/flux/schnell"]["cost"])
			byDay, _ := groups("day")
			require.Len(t, byDay, 1)
			var me obj
			require.Equal(t, 200, c.call("GET", "/api/me", nil, &me))
			require.Equal(t, 0.024, me["spent"], "deleting a workflow gives no budget back")
		})
	}
}
