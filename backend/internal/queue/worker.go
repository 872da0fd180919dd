package queue

import (
	"context"
	"time"

	"github.com/riverqueue/river"

	"github.com/visualadgen/visualadgen/backend/internal/job"
)

// NodeArgs is the River job of one node execution.
type NodeArgs job.Job

// Kind names the job type in River's tables.
func (NodeArgs) Kind() string { return "visualadgen_node" }

// nodeWorker runs node jobs through the handler.
type nodeWorker struct {
	river.WorkerDefaults[NodeArgs]
	run     Handler
	timeout time.Duration
}

// Work runs one node.
func (w *nodeWorker) Work(ctx context.Context, j *river.Job[NodeArgs]) error {
	return w.run(ctx, job.Job(j.Args), j.Attempt)
}

// Timeout bounds one node job.
func (w *nodeWorker) Timeout(*river.Job[NodeArgs]) time.Duration { return w.timeout }

// NextRetry backs off 250 ms, 500 ms, 1 s, ... up to 30 s: an executor's
// retryable failure (a 429, a 503) is worth trying again soon.
func (w *nodeWorker) NextRetry(job *river.Job[NodeArgs]) time.Time {
	d := 250 * time.Millisecond << min(job.Attempt-1, 7)
	return time.Now().Add(min(d, 30*time.Second))
}
