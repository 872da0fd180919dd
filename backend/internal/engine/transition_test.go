package engine

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// allNodeStates is every state of a node execution, written out here so the
// test does not read the list it checks; a state added to the workflow
// package fails TestTransitionTables until it is added here and its moves
// below.
var allNodeStates = []workflow.NodeState{"WAITING", "QUEUED", "PAUSED", "RUNNING", "COMPLETED", "FAILED", "SKIPPED"}

// allExecStatuses is every status of an execution, written out likewise.
var allExecStatuses = []workflow.ExecutionStatus{"RUNNING", "PAUSED", "COMPLETED", "FAILED", "CANCELLED"}

// wantNodeMoves is every move a node execution may make, by hand, one line
// each: nodeMoves must hold exactly these, and moveNode refuses every other
// pair of allNodeStates.
var wantNodeMoves = []string{
	"WAITING -> QUEUED",
	"WAITING -> PAUSED",
	"WAITING -> SKIPPED",
	"QUEUED -> RUNNING",
	"QUEUED -> FAILED",
	"QUEUED -> SKIPPED",
	"PAUSED -> QUEUED",
	"PAUSED -> SKIPPED",
	"RUNNING -> COMPLETED",
	"RUNNING -> FAILED",
	"RUNNING -> SKIPPED",
}

// wantExecMoves is every move an execution may make, by hand: execMoves must
// hold exactly these, and moveExec refuses every other pair.
var wantExecMoves = []string{
	"RUNNING -> PAUSED",
	"RUNNING -> COMPLETED",
	"RUNNING -> FAILED",
	"RUNNING -> CANCELLED",
	"PAUSED -> RUNNING",
	"PAUSED -> FAILED",
	"PAUSED -> CANCELLED",
}

// move names one move as the tables above write it.
func move[S ~string](from, to S) string { return fmt.Sprintf("%s -> %s", from, to) }

// movesOf lists a transition table's moves in the tables' notation, sorted.
func movesOf[S ~string](table map[S][]S) []string {
	var out []string
	for from, tos := range table {
		for _, to := range tos {
			out = append(out, move(from, to))
		}
	}
	slices.Sort(out)
	return out
}

// sorted returns a sorted copy of list.
func sorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}

// TestTransitionTables compares the engine's tables with the moves written
// out above, and the states they are written in with the workflow package's.
func TestTransitionTables(t *testing.T) {
	require.ElementsMatch(t, allNodeStates, workflow.NodeStates, "a node state was added or removed: list its moves here")
	require.ElementsMatch(t, allExecStatuses, workflow.ExecutionStatuses, "an execution status was added or removed: list its moves here")
	require.Equal(t, sorted(wantNodeMoves), movesOf(nodeMoves), "nodeMoves differs from the moves written in this test")
	require.Equal(t, sorted(wantExecMoves), movesOf(execMoves), "execMoves differs from the moves written in this test")
}

// pausedRun starts a one-node run that pauses at once (a breakpoint), so no
// job runs and the test owns every state change.
func pausedRun(t *testing.T, h *harness) (executionID, nodeID string) {
	w := h.workflowOf([]spec{{name: "n", brk: true}})
	x, err := h.eng.Start(context.Background(), h.user, w.ID)
	require.NoError(t, err)
	require.Equal(t, workflow.ExecPaused, x.Status)
	return x.ID, w.Nodes[0].ID
}

// TestNodeTransitions tries every pair of node states through moveNode: the
// moves of wantNodeMoves are made and stored, every other one is refused
// and changes nothing.
func TestNodeTransitions(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		for _, from := range allNodeStates {
			for _, to := range allNodeStates {
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
				if slices.Contains(wantNodeMoves, move(from, to)) {
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

// TestExecutionTransitions tries every pair of execution statuses through
// moveExec, against wantExecMoves.
func TestExecutionTransitions(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		for _, from := range allExecStatuses {
			for _, to := range allExecStatuses {
				xID, _ := pausedRun(t, h)
				x, err := h.st.GetExecution(ctx, "", xID)
				require.NoError(t, err)
				x.Status = from
				require.NoError(t, h.st.UpdateExecution(ctx, x))
				_, err = h.eng.inTx(ctx, xID, func(rs *runState) error { return rs.moveExec(ctx, to, "m") })
				got, gerr := h.st.GetExecution(ctx, "", xID)
				require.NoError(t, gerr)
				if slices.Contains(wantExecMoves, move(from, to)) {
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
