package executor

import "encoding/json"

// PlannedRequest is one request a paid node will send an outside service:
// its endpoint and its input as planned (a photo by our URL, never its
// bytes). A paid node's signature is its planned requests: what it would
// ask the service, so a change elsewhere that leaves them as they were
// never asks again.
type PlannedRequest struct {
	Endpoint string
	Input    map[string]any
}

// Planner is implemented by executors whose nodes can list the outside
// requests they would send, before sending them.
type Planner interface {
	// Plan lists them for a run with r's inputs and shapes; ok is false
	// when the node sends none or cannot tell (a run would refuse it).
	Plan(r *Run) (reqs []PlannedRequest, ok bool)
}

// Finaler is implemented by executors whose nodes deliver final ads.
type Finaler interface {
	// MostFinals is the most a node with config may deliver.
	MostFinals(config json.RawMessage) int
}
