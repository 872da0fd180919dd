package events

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHubFiltersAndNeverBlocks delivers an execution's events to its
// subscribers only, and marks a full subscriber as having dropped events.
func TestHubFiltersAndNeverBlocks(t *testing.T) {
	h := NewHub()
	one, all := h.Subscribe("x1"), h.Subscribe("")
	defer one.Close()
	h.Deliver(Event{ExecutionID: "x1", Status: "RUNNING"}, Event{ExecutionID: "x2", Status: "RUNNING"})
	require.Equal(t, "x1", (<-one.C).ExecutionID)
	require.Len(t, one.C, 0, "x2 is not for this subscriber")
	require.Len(t, all.C, 2)
	for range 300 {
		h.Deliver(Event{ExecutionID: "x1"})
	}
	require.True(t, one.Dropped(), "a slow subscriber loses events instead of blocking")
	all.Close()
	h.Deliver(Event{ExecutionID: "x1"})
	require.True(t, Event{Status: "CANCELLED"}.Final())
	require.False(t, Event{NodeID: "n", Status: "COMPLETED"}.Final(), "a node's end is not the run's end")
}
