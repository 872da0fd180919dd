package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestLinearRun runs a chain to completion: outputs flow into inputs, every
// node COMPLETED, and the total cost is the sum of the generations.
func TestLinearRun(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{
			{name: "text", cfg: `{"out":{"text":"sneakers"}}`},
			{name: "gen", cfg: `{"cost":0.006,"out":{"image_urls":["a","b"]}}`, ntype: executor.ImageModelType},
			{name: "out", cfg: `{"cost":0.003}`, ntype: creatives.OutputType},
		}, "text>gen", "gen>out")
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		require.Equal(t, workflow.ExecRunning, x.Status)
		done := h.waitFor(x.ID, workflow.ExecCompleted)
		require.InDelta(t, 0.009, *done.TotalCost, 1e-9)
		require.NotNil(t, done.FinishedAt)
		nodes := h.nodes(w, x.ID)
		for name, ne := range nodes {
			require.Equal(t, workflow.NodeCompleted, ne.Status, name)
			require.NotNil(t, ne.StartedAt, name)
			require.NotNil(t, ne.FinishedAt, name)
		}
		var in map[string]any
		require.NoError(t, json.Unmarshal(nodes["gen"].InputData, &in))
		require.Equal(t, "sneakers", in["text"], "the source's keys are merged into the inputs")
		require.Equal(t, "sneakers", in["text"].(string))
		require.Contains(t, in, "seen")
		gens, err := h.st.ListGenerations(context.Background(), x.ID)
		require.NoError(t, err)
		require.Len(t, gens, 2)
	})
}

// TestJoinsNeverStall runs eight quick branches into one join, again and
// again: each completion must see the others (a completion that read the
// run before another's commit would leave the join waiting forever).
func TestJoinsNeverStall(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		nodes := []spec{}
		var edges []string
		for i := range 8 {
			nodes = append(nodes, spec{name: fmt.Sprintf("b%d", i)})
			edges = append(edges, fmt.Sprintf("b%d>join", i))
		}
		w := h.workflowOf(append(nodes, spec{name: "join"}), edges...)
		for range 20 {
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)
			h.waitForWithin(x.ID, workflow.ExecCompleted, 10*time.Second)
		}
	})
}
