package queue

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/visualadgen/visualadgen/backend/internal/job"
)

// NodeArgs is the River job of one node execution.
type NodeArgs job.Job

// Kind names the job type in River's tables.
func (NodeArgs) Kind() string { return kind }

// kind is the node jobs' kind in River's tables.
const kind = "visualadgen_node"

// nodeWorker runs node jobs through the queue.
type nodeWorker struct {
	river.WorkerDefaults[NodeArgs]
	run     func(ctx context.Context, j *river.Job[NodeArgs]) error
	timeout time.Duration
}

// Work runs one node.
func (w *nodeWorker) Work(ctx context.Context, j *river.Job[NodeArgs]) error { return w.run(ctx, j) }

// Timeout bounds one node job.
func (w *nodeWorker) Timeout(*river.Job[NodeArgs]) time.Duration { return w.timeout }

// NextRetry backs off 250 ms, 500 ms, 1 s, ... up to 30 s: an executor's
// retryable failure (a 429, a 503) is worth trying again soon.
func (w *nodeWorker) NextRetry(j *river.Job[NodeArgs]) time.Time {
	d := 250 * time.Millisecond << min(j.Attempt-1, 7)
	return time.Now().Add(min(d, 30*time.Second))
}

// run hands a job to the handler, with a waker that makes the job available
// again at once, and turns a snooze into River's. A wake that comes while the
// job still runs shortens its snooze to nothing.
func (r *River[TTx]) run(ctx context.Context, j *river.Job[NodeArgs]) error {
	var woken atomic.Bool
	id, args := j.ID, job.Job(j.Args)
	ctx = job.WithWaker(ctx, func() {
		woken.Store(true)
		go r.wake(id, args)
	})
	err := r.hooks.Run(ctx, job.Job(j.Args), j.Attempt)
	var s job.Snooze
	if errors.As(err, &s) {
		if woken.Load() {
			return river.JobSnooze(0)
		}
		return river.JobSnooze(s.After)
	}
	return err
}

// wake makes a snoozed job run now. River records a snooze a moment after
// the work returns, so while the job still shows as running this waits and
// tries again, for up to two seconds.
func (r *River[TTx]) wake(id int64, j job.Job) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 100 {
		row, err := r.client.JobGet(ctx, id)
		if err != nil {
			return // gone: run (and completed) or deleted
		}
		if row.State == rivertype.JobStateRunning {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if row.State == rivertype.JobStateCompleted || row.State == rivertype.JobStateDiscarded || row.State == rivertype.JobStateCancelled {
			return
		}
		if err := r.db.wake(ctx, r, id, j); err != nil {
			r.log.Warn("queue: waking a job failed; it runs when its snooze ends", "job", id, "err", err)
		}
		return
	}
}
