package workflow

// NodeType is the kind of a node; the values are the brief's node_type enum.
type NodeType string

// The six node types of the brief.
const (
	TextInput   NodeType = "TEXT_INPUT"
	ImageInput  NodeType = "IMAGE_INPUT"
	SocialMedia NodeType = "SOCIAL_MEDIA"
	Prompt      NodeType = "PROMPT"
	ImageModel  NodeType = "IMAGE_MODEL"
	Output      NodeType = "OUTPUT"
)

// ExecutionStatus is the brief's execution_status enum.
type ExecutionStatus string

// The states of an execution.
const (
	ExecPending   ExecutionStatus = "PENDING"
	ExecRunning   ExecutionStatus = "RUNNING"
	ExecPaused    ExecutionStatus = "PAUSED"
	ExecCompleted ExecutionStatus = "COMPLETED"
	ExecFailed    ExecutionStatus = "FAILED"
	ExecCancelled ExecutionStatus = "CANCELLED"
)

// Final reports whether no further change can happen to the execution.
func (s ExecutionStatus) Final() bool {
	return s == ExecCompleted || s == ExecFailed || s == ExecCancelled
}

// NodeStatus is the brief's node_execution_status enum.
type NodeStatus string

// The states of a node execution.
const (
	NodePending   NodeStatus = "PENDING"
	NodeRunning   NodeStatus = "RUNNING"
	NodePaused    NodeStatus = "PAUSED"
	NodeCompleted NodeStatus = "COMPLETED"
	NodeFailed    NodeStatus = "FAILED"
	NodeSkipped   NodeStatus = "SKIPPED"
)

// Final reports whether the node will not run (again) in this execution.
func (s NodeStatus) Final() bool {
	return s == NodeCompleted || s == NodeFailed || s == NodeSkipped
}
