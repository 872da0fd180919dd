// Package events carries every change of an execution or a node execution
// to whoever watches it: in-process subscribers, and other replicas through
// Postgres LISTEN/NOTIFY.
package events

import (
	"encoding/json"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Event is one state change: of the execution (NodeID empty, Exec set) or
// of one node execution (NodeID and Node set). On the wire both statuses
// travel as "status".
type Event struct {
	ExecutionID string                   `json:"execution_id"`
	WorkflowID  string                   `json:"workflow_id,omitempty" doc:"The execution's workflow (execution events only)."`
	NodeID      string                   `json:"node_id,omitempty"`
	Exec        workflow.ExecutionStatus `json:"-"`
	Node        workflow.NodeStatus      `json:"-"`
	Error       *string                  `json:"error,omitempty"`
	Output      json.RawMessage          `json:"output,omitempty"`
	Cost        *float64                 `json:"cost,omitempty"`
	Time        time.Time                `json:"time"`
	// Progress is set on a live progress report of a RUNNING node (FAL's
	// queue position, then generating); such an event changes no state.
	Progress *workflow.Progress `json:"progress,omitempty"`
	// ReusedFrom is set when a node completed with an earlier output of
	// the same user's (nothing was paid).
	ReusedFrom *string `json:"reused_from,omitempty"`
	// Truncated is set when the output and error were left out to keep the
	// event small; read the node execution (or execution) for them.
	Truncated bool `json:"truncated,omitempty"`
}

// ForExecution is the event of an execution's current state.
func ForExecution(x workflow.Execution) Event {
	return Event{ExecutionID: x.ID, WorkflowID: x.WorkflowID, Exec: x.Status, Error: x.ErrorMessage, Cost: x.TotalCost, Time: now()}
}

// ForNode is the event of a node execution's current state, with what it
// cost when it recorded a generation.
func ForNode(ne workflow.NodeExecution, cost *float64) Event {
	return Event{ExecutionID: ne.ExecutionID, NodeID: ne.NodeID, Node: ne.Status, Error: ne.ErrorMessage,
		Output: ne.OutputData, Cost: cost, ReusedFrom: ne.ReusedFrom, Time: now()}
}

// ForProgress is the event of a running node's progress report.
func ForProgress(executionID, nodeID string, p workflow.Progress) Event {
	return Event{ExecutionID: executionID, NodeID: nodeID, Node: workflow.NodeRunning, Progress: &p, Time: now()}
}

// Slim is the event without its text (output and error), marked
// Truncated when it had any: what crosses processes, bounded in size
// whatever a node wrote.
func (e Event) Slim() Event {
	e.Truncated = e.Output != nil || e.Error != nil
	e.Output, e.Error = nil, nil
	return e
}

// now is the events' clock.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Final reports whether the event ends its execution.
func (e Event) Final() bool { return e.NodeID == "" && e.Exec.Final() }

// wire is an Event as JSON carries it.
type wire struct {
	eventAlias
	Status string `json:"status"`
}

// eventAlias drops Event's methods so wire can embed it.
type eventAlias Event

// MarshalJSON writes the status as "status".
func (e Event) MarshalJSON() ([]byte, error) {
	status := string(e.Exec)
	if e.NodeID != "" {
		status = string(e.Node)
	}
	return json.Marshal(wire{eventAlias: eventAlias(e), Status: status})
}

// UnmarshalJSON reads "status" into the execution's or the node's status.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Event(w.eventAlias)
	if e.NodeID != "" {
		e.Node = workflow.NodeStatus(w.Status)
	} else {
		e.Exec = workflow.ExecutionStatus(w.Status)
	}
	return nil
}

// TransformSchema documents "status" in the OpenAPI document.
func (Event) TransformSchema(r huma.Registry, s *huma.Schema) *huma.Schema {
	var enum []any
	seen := map[string]bool{}
	for _, x := range workflow.ExecutionStatuses {
		seen[string(x)] = true
		enum = append(enum, string(x))
	}
	for _, n := range workflow.NodeStatuses {
		if !seen[string(n)] {
			enum = append(enum, string(n))
		}
	}
	if s.Properties == nil {
		return s
	}
	s.Properties["status"] = &huma.Schema{Type: huma.TypeString, Enum: enum,
		Description: "the execution's status when node_id is absent, else the node execution's"}
	s.Required = append(s.Required, "status")
	return s
}
