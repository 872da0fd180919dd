package httpapi

import (
	"context"
	"log/slog"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// EventsInput is the path and resume header of the event stream.
type EventsInput struct {
	ExecutionID string `path:"execution_id" format:"uuid"`
	LastEventID string `header:"Last-Event-ID" doc:"resume after this event: the stream starts again with the current state"`
}

// Snapshot is the first message: the execution and every node as they are.
type Snapshot struct {
	Execution ExecutionDetail `json:"execution"`
}

// registerEvents adds GET /api/executions/{execution_id}/events: the current
// state first, then every change as it happens, ending after the final
// state. Every message carries the whole state of what changed, so a client
// that reconnects with Last-Event-ID and gets the snapshot again loses
// nothing.
func registerEvents(api huma.API, op huma.Operation, d Deps) {
	sse.Register(api, op, map[string]any{"snapshot": Snapshot{}, "change": events.Event{}},
		func(ctx context.Context, in *EventsInput, send sse.Sender) {
			stream(ctx, d.Store, d.Hub, d.Log, userOf(ctx), in.ExecutionID, send)
		})
}

// stream writes the snapshot and then live events until the run ends, the
// client leaves, or the server shuts down.
func stream(ctx context.Context, st *store.Store, hub *events.Hub, log *slog.Logger, user, id string, send sse.Sender) {
	sub := hub.Subscribe(id)
	defer sub.Close()
	d, err := executionDetail(ctx, st, user, id)
	if err != nil {
		_ = send.Data(problem(log, err))
		return
	}
	seq := int(time.Now().UnixMicro())
	if err := send(sse.Message{ID: seq, Data: Snapshot{Execution: d}, Retry: 2000}); err != nil || d.Status.Final() {
		return
	}
	keepalive := time.NewTicker(15 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-sub.C:
			if ev.Truncated {
				if ne, err := st.GetNodeExecution(ctx, ev.ExecutionID, ev.NodeID); err == nil {
					ev.Output, ev.Truncated = ne.OutputData, false
				}
			}
			seq++
			if err := send(sse.Message{ID: seq, Data: ev}); err != nil || ev.Final() {
				return
			}
		case <-keepalive.C:
			// Re-check the state: a run may have ended while events were dropped.
			x, err := st.GetExecution(ctx, user, id)
			if err != nil || x.Status.Final() {
				if err == nil {
					seq++
					d, _ := executionDetail(ctx, st, user, id)
					_ = send(sse.Message{ID: seq, Data: Snapshot{Execution: d}})
				}
				return
			}
		}
	}
}
