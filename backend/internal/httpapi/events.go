package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
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
func registerEvents(api huma.API, op huma.Operation, d Deps, open *streams) {
	guardStream(api, &op, d, open, func(ctx huma.Context) error {
		_, err := d.Store.GetExecution(ctx.Context(), userOf(ctx.Context()), ctx.Param("execution_id"))
		return err
	})
	sse.Register(api, op, map[string]any{"snapshot": Snapshot{}, "change": events.Event{}},
		func(ctx context.Context, in *EventsInput, send sse.Sender) {
			ctx, cancel := context.WithTimeout(ctx, d.Streams.MaxAge)
			defer cancel()
			stream(ctx, d.Store, d.Hub, d.Log, userOf(ctx), in.ExecutionID, send)
		})
}

// StreamLimits bound the live event streams.
type StreamLimits struct {
	PerUser, Total int
	// MaxAge ends a stream after a while; the browser reconnects and gets
	// the current state again, so nothing is lost.
	MaxAge time.Duration
	// Open, when set, is told how many streams are open as it changes.
	Open Gauge
}

// guardStream makes op a stream of one of the caller's things (an
// execution, a workflow) that mine finds: see beforeStream (the route table
// declares its 429; the 404 comes with the id).
func guardStream(api huma.API, op *huma.Operation, d Deps, open *streams, mine func(huma.Context) error) {
	op.Middlewares = append(op.Middlewares, beforeStream(api, d, open, mine))
}

// beforeStream answers a missing or foreign execution or workflow (mine
// says which) with a 404, and too many open streams with a 429, before any
// stream starts; it lifts the server's write deadline, which a stream
// outlives.
func beforeStream(api huma.API, d Deps, open *streams, mine func(huma.Context) error) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		user := userOf(ctx.Context())
		if err := mine(ctx); err != nil {
			writeProblem(api, ctx, d.Log, err)
			return
		}
		sctx, stop := context.WithCancel(ctx.Context())
		defer stop()
		release, err := open.acquire(user, stop)
		if err != nil {
			writeProblem(api, ctx, d.Log, err)
			return
		}
		defer release()
		if _, w := humago.Unwrap(ctx); w != nil {
			_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
		}
		next(huma.WithContext(ctx, sctx)) // ends when a user with fewer streams takes its place
	}
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
				ev = complete(ctx, st, user, ev)
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

// complete reads back what a slim event left out: a node's output and
// error, or an execution's error.
func complete(ctx context.Context, st *store.Store, user string, ev events.Event) events.Event {
	if ev.NodeID != "" {
		if ne, err := st.GetNodeExecution(ctx, ev.ExecutionID, ev.NodeID); err == nil {
			ev.Output, ev.Error, ev.Truncated = ne.OutputData, ne.ErrorMessage, false
		}
		return ev
	}
	if x, err := st.GetExecution(ctx, user, ev.ExecutionID); err == nil {
		ev.Error, ev.Truncated = x.ErrorMessage, false
	}
	return ev
}
