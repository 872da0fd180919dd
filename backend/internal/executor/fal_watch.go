package executor

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// watchFor bounds one watcher's life (a generation that takes longer is
// still found by the node's fallback checks).
const watchFor = time.Hour

// Watchers are this process's watchers of FAL requests, by request id and
// by run, so one request has one watcher and a run that ended stops its
// own, whichever replica ended it.
type Watchers struct {
	mu    sync.Mutex
	byReq map[string]watcher
}

// watcher is one running watcher: its run and how to stop it.
type watcher struct {
	execution string
	stop      context.CancelFunc
}

// NewWatchers returns an empty set of watchers.
func NewWatchers() *Watchers { return &Watchers{byReq: map[string]watcher{}} }

// add registers a watcher of request id of execution unless one runs;
// it reports whether it did.
func (w *Watchers) add(id, execution string, stop context.CancelFunc) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, running := w.byReq[id]; running {
		return false
	}
	w.byReq[id] = watcher{execution: execution, stop: stop}
	return true
}

// remove stops and forgets the watcher of request id.
func (w *Watchers) remove(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if x, ok := w.byReq[id]; ok {
		x.stop()
		delete(w.byReq, id)
	}
}

// StopRun stops every watcher of execution's requests.
func (w *Watchers) StopRun(execution string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for id, x := range w.byReq {
		if x.execution == execution {
			x.stop()
			delete(w.byReq, id)
		}
	}
}

// Len is how many watchers run.
func (w *Watchers) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.byReq)
}

// watch wakes the node's job when FAL is done with h, unless a watcher
// for h already runs here, and reports FAL's queue position and progress
// on the way.
func (f FAL) watch(h fal.Handle, wake func(), r *Run) {
	ctx, cancel := context.WithTimeout(context.Background(), watchFor)
	if f.Watching != nil && !f.Watching.add(h.RequestID, r.ExecutionID, cancel) {
		cancel()
		return
	}
	seen := func(st fal.Status) {
		p := workflow.Progress{Stage: workflow.StageGenerating}
		if st.Status == "IN_QUEUE" {
			p = workflow.Progress{Stage: workflow.StageQueued, QueuePosition: st.QueuePosition}
		}
		r.report(p)
	}
	f.Client.Watch(ctx, h, seen, func() {
		stopped := ctx.Err() != nil
		cancel()
		if f.Watching != nil {
			f.Watching.remove(h.RequestID)
		}
		if !stopped {
			wake()
		}
	})
}

// CancelOutside cancels one accepted FAL request (its saved handle) and
// stops this process's watcher of it; it answers FAL's word
// (CANCELLATION_REQUESTED, ALREADY_COMPLETED, ...).
func (f FAL) CancelOutside(ctx context.Context, handle json.RawMessage) (string, error) {
	var h fal.Handle
	if err := json.Unmarshal(handle, &h); err != nil || h.RequestID == "" {
		return "", nil // nothing FAL could be asked about
	}
	if f.Watching != nil {
		f.Watching.remove(h.RequestID)
	}
	return f.Client.Cancel(ctx, h)
}

// StopWatching stops this process's watchers of a run's requests.
func (f FAL) StopWatching(executionID string) {
	if f.Watching != nil {
		f.Watching.StopRun(executionID)
	}
}
