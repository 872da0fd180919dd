package httpapi

import (
	"context"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// WorkflowEventsInput names the workflow whose runs to follow.
type WorkflowEventsInput struct {
	ID string `path:"id" format:"uuid"`
}

// RunsSnapshot is the first message of a workflow's stream: its newest
// runs, newest first.
type RunsSnapshot struct {
	Runs []workflow.Execution `json:"runs"`
}

// snapshotRuns is how many runs the snapshot lists.
const snapshotRuns = 20

// registerWorkflowEvents adds GET /api/workflows/{id}/events: the
// workflow's newest runs, then every change of any of its runs (one
// starting in another tab, pausing, ending) as it happens, so every tab on
// a workflow sees every run. Node changes go to the run's own stream.
func registerWorkflowEvents(api huma.API, op huma.Operation, d Deps, open *streams) {
	guardStream(api, &op, d, open, func(ctx huma.Context) error {
		_, err := d.Store.GetWorkflow(ctx.Context(), userOf(ctx.Context()), ctx.Param("id"))
		return err
	})
	sse.Register(api, op, map[string]any{"runs": RunsSnapshot{}, "run": events.Event{}},
		func(ctx context.Context, in *WorkflowEventsInput, send sse.Sender) {
			ctx, cancel := context.WithTimeout(ctx, d.Streams.MaxAge)
			defer cancel()
			sub := d.Hub.SubscribeWorkflow(in.ID)
			defer sub.Close()
			seq := int(time.Now().UnixMicro())
			runs, err := d.Store.ListExecutions(ctx, in.ID, snapshotRuns, "")
			if err != nil {
				_ = send.Data(problem(d.Log, err))
				return
			}
			if send(sse.Message{ID: seq, Data: RunsSnapshot{Runs: runs}, Retry: 2000}) != nil {
				return
			}
			keepalive := time.NewTicker(15 * time.Second)
			defer keepalive.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case ev := <-sub.C:
					seq++
					if send(sse.Message{ID: seq, Data: ev}) != nil {
						return
					}
				case <-keepalive.C:
					// The runs again, read afresh: events dropped meanwhile are not lost.
					if runs, err = d.Store.ListExecutions(ctx, in.ID, snapshotRuns, ""); err != nil {
						return
					}
					seq++
					if send(sse.Message{ID: seq, Data: RunsSnapshot{Runs: runs}}) != nil {
						return
					}
				}
			}
		})
}
