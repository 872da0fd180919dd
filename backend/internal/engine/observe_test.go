package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestEndsOfNamesFinalStatusesOnly reads one transaction's events as a
// run's end and its nodes' ends: a node that moved to RUNNING is not an
// end, a completed node carries its type and time RUNNING, a skipped node
// that never ran has no time.
func TestEndsOfNamesFinalStatusesOnly(t *testing.T) {
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	finish := start.Add(1500 * time.Millisecond)
	ran := workflow.NodeExecution{ExecutionID: "x", NodeID: "m", Status: workflow.NodeCompleted, StartedAt: &start, FinishedAt: &finish}
	skipped := workflow.NodeExecution{ExecutionID: "x", NodeID: "o", Status: workflow.NodeSkipped, FinishedAt: &finish}
	moving := workflow.NodeExecution{ExecutionID: "x", NodeID: "p", Status: workflow.NodeRunning, StartedAt: &start}
	g := &dag.Graph{Nodes: map[string]workflow.Node{"m": {Type: "IMAGE_MODEL"}, "o": {Type: "OUTPUT"}, "p": {Type: "PROMPT"}}}
	rs := newRunState(nil, workflow.Execution{ID: "x"}, g, []workflow.NodeExecution{ran, skipped, moving})
	rs.evs = []events.Event{events.ForNode(moving, nil), events.ForNode(ran, nil), events.ForNode(skipped, nil),
		events.ForExecution(workflow.Execution{ID: "x", Status: workflow.ExecFailed})}

	runs, nodes := endsOf(rs)
	require.Equal(t, []workflow.ExecutionStatus{workflow.ExecFailed}, runs)
	require.Equal(t, []NodeEnd{
		{Type: "IMAGE_MODEL", Status: workflow.NodeCompleted, Ran: 1500 * time.Millisecond, Started: true},
		{Type: "OUTPUT", Status: workflow.NodeSkipped},
	}, nodes)

	rs.evs = []events.Event{events.ForNode(moving, nil), events.ForExecution(workflow.Execution{ID: "x", Status: workflow.ExecPaused})}
	runs, nodes = endsOf(rs)
	require.Empty(t, runs, "a pause is no end")
	require.Empty(t, nodes)
}
