package engine

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestWaitingNodesStayShortJobs runs a node that waits on an outside
// service three times (its job snoozes between checks, keeping the
// checkpoint) before it completes.
func TestWaitingNodesStayShortJobs(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "gen", cfg: `{"pending":3}`}, {name: "out"}}, "gen>out")
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		require.Equal(t, 4, h.fake.attemptsOf("gen"))
		require.JSONEq(t, `{"request":"gen"}`, string(h.nodes(w, x.ID)["gen"].Checkpoint))
	})
}

// TestCancelReleasesOutsideWork cancels a run whose node holds a request at
// an outside service: the executor is told to cancel it there.
func TestCancelReleasesOutsideWork(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "gen", cfg: `{"outside":true}`}})
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		select {
		case <-h.fake.checkpointed:
		case <-time.After(20 * time.Second):
			t.Fatal("the node never saved its checkpoint")
		}
		_, err = h.eng.Cancel(context.Background(), h.user, x.ID)
		require.NoError(t, err)
		select {
		case cp := <-h.fake.outside:
			require.JSONEq(t, `{"request":"gen"}`, cp)
		case <-time.After(20 * time.Second):
			t.Fatal("the outside request was not cancelled")
		}
		require.Equal(t, workflow.NodeSkipped, h.statuses(w, x.ID)["gen"])
	})
}
