// Package workflow holds the domain types of VisualAdGen: workflows, their
// nodes and edges, executions, node executions, generations and users. JSON
// field names follow the brief's table columns.
package workflow

import (
	"encoding/json"
	"time"
)

// User is a person who owns workflows, created from a verified identity.
type User struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      *string   `json:"name"`
	AvatarURL *string   `json:"avatar_url"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Workflow is a user's graph of nodes. Nodes and Edges are filled when the
// workflow is read whole.
type Workflow struct {
	ID          string    `json:"id"`
	UserID      string    `json:"user_id"`
	Name        string    `json:"name"`
	Description *string   `json:"description"`
	IsActive    bool      `json:"is_active"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Version counts the graph's saves; a save names the version it edits.
	Version int64  `json:"version"`
	Nodes   []Node `json:"nodes"`
	Edges   []Edge `json:"edges"`
}

// Node is one step of a workflow; Config is the executor's JSON settings.
type Node struct {
	ID            string          `json:"id"`
	WorkflowID    string          `json:"workflow_id"`
	Type          NodeType        `json:"type"`
	Name          string          `json:"name"`
	Config        json.RawMessage `json:"config"`
	PositionX     float64         `json:"position_x"`
	PositionY     float64         `json:"position_y"`
	HasBreakpoint bool            `json:"has_breakpoint"`
	CreatedAt     time.Time       `json:"created_at"`
	UpdatedAt     time.Time       `json:"updated_at"`
}

// Edge carries the output of SourceNodeID into TargetNodeID.
type Edge struct {
	ID           string    `json:"id"`
	WorkflowID   string    `json:"workflow_id"`
	SourceNodeID string    `json:"source_node_id"`
	TargetNodeID string    `json:"target_node_id"`
	SourceHandle *string   `json:"source_handle"`
	TargetHandle *string   `json:"target_handle"`
	CreatedAt    time.Time `json:"created_at"`
}

// Graph is the part of a workflow an execution runs: its nodes and edges as
// they were when the run started.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Execution is one run of a workflow.
type Execution struct {
	ID           string          `json:"id"`
	WorkflowID   string          `json:"workflow_id"`
	Status       ExecutionStatus `json:"status"`
	TotalCost    *float64        `json:"total_cost"`
	ErrorMessage *string         `json:"error_message"`
	StartedAt    time.Time       `json:"started_at"`
	FinishedAt   *time.Time      `json:"finished_at"`
	// StepMode is set by step: the run pauses before every node.
	StepMode bool `json:"step_mode"`
	// Options are how the run was asked for (nil: the brief's whole run,
	// reusing what did not change).
	Options *RunOptions `json:"options,omitempty"`
	// UserID is the owner of the run's workflow (read with the run).
	UserID string `json:"-"`
	// Graph is the snapshot this run executes; not sent to clients.
	Graph *Graph `json:"-"`
}

// NodeExecution is the state of one node within one execution.
type NodeExecution struct {
	ID           string          `json:"id"`
	ExecutionID  string          `json:"execution_id"`
	NodeID       string          `json:"node_id"`
	Status       NodeStatus      `json:"status"`
	InputData    json.RawMessage `json:"input_data"`
	OutputData   json.RawMessage `json:"output_data"`
	ErrorMessage *string         `json:"error_message"`
	StartedAt    *time.Time      `json:"started_at"`
	FinishedAt   *time.Time      `json:"finished_at"`
	// QueuedAt is when a job was enqueued for this node; nil while waiting.
	QueuedAt *time.Time `json:"queued_at"`
	// Rescues counts the times the node's job was taken over from a process
	// that died while running it.
	Rescues int `json:"-"`
	// PendingResult is a result obtained but not yet recorded.
	PendingResult json.RawMessage `json:"-"`
	// Signature is what the node computed from: its type, config and
	// inputs; a later node of the same user with the same signature reuses
	// its output.
	Signature *string `json:"-"`
	// ReusedFrom is the node execution whose output this one reused (it
	// cost nothing and called no outside service).
	ReusedFrom *string `json:"reused_from"`
}

// Generation records one image-model call and what it cost.
type Generation struct {
	ID          string          `json:"id"`
	ExecutionID string          `json:"execution_id"`
	NodeID      *string         `json:"node_id"`
	ModelID     string          `json:"model_id"`
	Prompt      string          `json:"prompt"`
	Parameters  json.RawMessage `json:"parameters"`
	ImageURLs   []string        `json:"image_urls"`
	AspectRatio string          `json:"aspect_ratio"`
	Cost        *float64        `json:"cost"`
	CreatedAt   time.Time       `json:"created_at"`
	// Endpoint is the FAL endpoint asked (kept for the finals' records; not
	// part of the brief's JSON).
	Endpoint string `json:"-"`
}
