package events

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestHubFiltersAndNeverBlocks delivers an execution's events to its
// subscribers only, and never blocks on a full subscriber.
func TestHubFiltersAndNeverBlocks(t *testing.T) {
	h := NewHub()
	one, all := h.Subscribe("x1"), h.Subscribe("")
	defer one.Close()
	h.Deliver(Event{ExecutionID: "x1", Exec: workflow.ExecRunning}, Event{ExecutionID: "x2", Exec: workflow.ExecRunning})
	require.Equal(t, "x1", (<-one.C).ExecutionID)
	require.Len(t, one.C, 0, "x2 is not for this subscriber")
	require.Len(t, all.C, 2)
	for range 300 {
		h.Deliver(Event{ExecutionID: "x1"})
	}
	require.Len(t, one.C, cap(one.C), "a slow subscriber loses events instead of blocking")
	all.Close()
	h.Deliver(Event{ExecutionID: "x1"})
	require.True(t, Event{Exec: workflow.ExecCancelled}.Final())
	require.False(t, Event{NodeID: "n", Node: workflow.NodeCompleted}.Final(), "a node's end is not the run's end")
}

// TestWireStatus sends both kinds of status as "status" and reads them back
// into their own types.
func TestWireStatus(t *testing.T) {
	for _, ev := range []Event{{ExecutionID: "x", Exec: workflow.ExecPaused}, {ExecutionID: "x", NodeID: "n", Node: workflow.NodeSkipped}} {
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		require.Contains(t, []any{"PAUSED", "SKIPPED"}, m["status"])
		var back Event
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, ev.Exec, back.Exec)
		require.Equal(t, ev.Node, back.Node)
	}
}
