package engine

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestWaitingNodesStayShortJobs runs a node that waits on an outside
// service three times (its job snoozes between checks, keeping the one
// request it sent) before it completes.
func TestWaitingNodesStayShortJobs(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "gen", cfg: `{"pending":3}`, ntype: executor.ImageModelType}, {name: "out"}}, "gen>out")
		x, err := h.eng.Start(context.Background(), h.user, w.ID)
		require.NoError(t, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		require.Equal(t, 4, h.fake.attemptsOf("gen"))
		sent, err := h.st.Requests(context.Background(), h.nodes(w, x.ID)["gen"].ID)
		require.NoError(t, err)
		require.Len(t, sent, 1, "one request, sent once over four attempts")
		require.JSONEq(t, `{"request":"gen"}`, string(sent[0].Handle))
	})
}

// TestCancelReleasesOutsideWork cancels a run whose node holds a request at
// an outside service: the executor is told to cancel it there.
func TestCancelReleasesOutsideWork(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		w := h.workflowOf([]spec{{name: "gen", cfg: `{"outside":true}`, ntype: executor.ImageModelType}})
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
		case handle := <-h.fake.outside:
			require.JSONEq(t, `{"request":"gen"}`, handle)
		case <-time.After(20 * time.Second):
			t.Fatal("the outside request was not cancelled")
		}
		require.Equal(t, workflow.NodeSkipped, h.statuses(w, x.ID)["gen"])
	})
}
