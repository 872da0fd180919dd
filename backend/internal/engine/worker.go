package engine

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"
)

// NodeArgs is the River job of one node execution.
type NodeArgs struct {
	ExecutionID string `json:"execution_id"`
	NodeID      string `json:"node_id"`
}

// Kind names the job type in River's tables.
func (NodeArgs) Kind() string { return "visualadgen_node" }

// nodeArgs converts a Job to its River arguments.
func nodeArgs(j Job) NodeArgs { return NodeArgs(j) }

// nodeWorker runs node jobs through the engine.
type nodeWorker struct {
	river.WorkerDefaults[NodeArgs]
	eng     *Engine
	timeout time.Duration
}

// Work runs one node.
func (w *nodeWorker) Work(ctx context.Context, job *river.Job[NodeArgs]) error {
	err := w.eng.RunNode(ctx, Job(job.Args), job.Attempt)
	var s errSnooze
	if errors.As(err, &s) {
		return river.JobSnooze(s.after)
	}
	return err
}

// Timeout bounds one node job.
func (w *nodeWorker) Timeout(*river.Job[NodeArgs]) time.Duration { return w.timeout }

// NextRetry backs off 250 ms, 500 ms, 1 s, ... up to 30 s: an executor's
// retryable failure (a 429, a 503) is worth trying again soon.
func (w *nodeWorker) NextRetry(job *river.Job[NodeArgs]) time.Time {
	d := 250 * time.Millisecond << min(job.Attempt-1, 7)
	return time.Now().Add(min(d, 30*time.Second))
}
