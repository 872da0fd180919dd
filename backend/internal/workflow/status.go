package workflow

// NodeType is the kind of a node. The list of node types lives in the
// executor registry; the database's enum is tested against it.
type NodeType string

// ExecutionStatus is the brief's execution_status enum. Executions start
// RUNNING (or PAUSED at a breakpoint); the enum's PENDING is never used.
type ExecutionStatus string

// The states of an execution.
const (
	ExecRunning   ExecutionStatus = "RUNNING"
	ExecPaused    ExecutionStatus = "PAUSED"
	ExecCompleted ExecutionStatus = "COMPLETED"
	ExecFailed    ExecutionStatus = "FAILED"
	ExecCancelled ExecutionStatus = "CANCELLED"
)

// ExecutionStatuses lists every execution state, for tests that compare
// them with the database's enum.
var ExecutionStatuses = []ExecutionStatus{ExecRunning, ExecPaused, ExecCompleted, ExecFailed, ExecCancelled}

// Final reports whether no further change can happen to the execution.
func (s ExecutionStatus) Final() bool {
	return s == ExecCompleted || s == ExecFailed || s == ExecCancelled
}

// NodeStatus is the brief's node_execution_status enum, as stored.
type NodeStatus string

// The stored states of a node execution.
const (
	NodePending   NodeStatus = "PENDING"
	NodeRunning   NodeStatus = "RUNNING"
	NodePaused    NodeStatus = "PAUSED"
	NodeCompleted NodeStatus = "COMPLETED"
	NodeFailed    NodeStatus = "FAILED"
	NodeSkipped   NodeStatus = "SKIPPED"
)

// NodeStatuses lists every stored node state.
var NodeStatuses = []NodeStatus{NodePending, NodeRunning, NodePaused, NodeCompleted, NodeFailed, NodeSkipped}

// Final reports whether the node will not run (again) in this execution.
func (s NodeStatus) Final() bool {
	return s == NodeCompleted || s == NodeFailed || s == NodeSkipped
}

// NodeState is where a node execution is in its life. It is the stored
// status, except that a PENDING node whose job is enqueued (QueuedAt set)
// is Queued: the engine's transition table is written in these states.
type NodeState string

// The states of a node execution's life.
const (
	StateWaiting   NodeState = "WAITING"   // PENDING, no job yet
	StateQueued    NodeState = "QUEUED"    // PENDING with a job enqueued
	StatePaused    NodeState = "PAUSED"    // a breakpoint holds it
	StateRunning   NodeState = "RUNNING"   // its executor has started
	StateCompleted NodeState = "COMPLETED" // done, output saved
	StateFailed    NodeState = "FAILED"    // its executor failed
	StateSkipped   NodeState = "SKIPPED"   // the run ended before it ran
)

// NodeStates lists every state of a node execution's life.
var NodeStates = []NodeState{StateWaiting, StateQueued, StatePaused, StateRunning, StateCompleted, StateFailed, StateSkipped}

// Stored is the status a state is kept as.
func (s NodeState) Stored() NodeStatus {
	switch s {
	case StateWaiting, StateQueued:
		return NodePending
	}
	return NodeStatus(s)
}

// Final reports whether the state ends the node's part in its run.
func (s NodeState) Final() bool { return s.Stored().Final() }

// State is the node execution's state, telling Queued from Waiting.
func (n NodeExecution) State() NodeState {
	if n.Status == NodePending {
		if n.QueuedAt != nil {
			return StateQueued
		}
		return StateWaiting
	}
	return NodeState(n.Status)
}
