package engine

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// pausedRun starts a one-node run that pauses at once (a breakpoint), so no
// job runs and the test owns every state change.
func pausedRun(t *testing.T, h *harness) (executionID, nodeID string) {
	w := h.workflowOf([]spec{{name: "n", brk: true}})
	x, err := h.eng.Start(context.Background(), h.user, w.ID)
	require.NoError(t, err)
	require.Equal(t, workflow.ExecPaused, x.Status)
	return x.ID, w.Nodes[0].ID
}

// TestNodeTransitions walks every pair of node states: the table's moves
// are made and stored, every other one is refused and changes nothing.
func TestNodeTransitions(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		for _, from := range workflow.NodeStates {
			for _, to := range workflow.NodeStates {
				xID, nID := pausedRun(t, h)
				ne, err := h.st.GetNodeExecution(ctx, xID, nID)
				require.NoError(t, err)
				ne.Status, ne.QueuedAt = from.Stored(), nil
				if from == workflow.StateQueued {
					at := now()
					ne.QueuedAt = &at
				}
				require.NoError(t, h.st.UpdateNodeExecution(ctx, ne))
				_, err = h.eng.inTx(ctx, xID, func(rs *runState) error {
					return rs.moveNode(ctx, rs.nodes[nID], to, nodeChange{msg: "m"})
				})
				got, gerr := h.st.GetNodeExecution(ctx, xID, nID)
				require.NoError(t, gerr)
				if slices.Contains(nodeMoves[from], to) {
					require.NoError(t, err, "%s -> %s", from, to)
					require.Equal(t, to, got.State(), "%s -> %s is stored", from, to)
				} else {
					require.Error(t, err, "%s -> %s must be refused", from, to)
					require.Equal(t, from, got.State(), "a refused move changes nothing")
				}
			}
		}
	})
}

// TestExecutionTransitions walks every pair of execution statuses.
func TestExecutionTransitions(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		for _, from := range workflow.ExecutionStatuses {
			for _, to := range workflow.ExecutionStatuses {
				xID, _ := pausedRun(t, h)
				x, err := h.st.GetExecution(ctx, "", xID)
				require.NoError(t, err)
				x.Status = from
				require.NoError(t, h.st.UpdateExecution(ctx, x))
				_, err = h.eng.inTx(ctx, xID, func(rs *runState) error { return rs.moveExec(ctx, to, "m") })
				got, gerr := h.st.GetExecution(ctx, "", xID)
				require.NoError(t, gerr)
				if slices.Contains(execMoves[from], to) {
					require.NoError(t, err, "%s -> %s", from, to)
					require.Equal(t, to, got.Status)
					require.Equal(t, to.Final(), got.FinishedAt != nil, "a final status records when it ended")
				} else {
					require.Error(t, err, "%s -> %s must be refused", from, to)
					require.Equal(t, from, got.Status, "a refused move changes nothing")
				}
			}
		}
	})
}
