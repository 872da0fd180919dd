package metrics_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/httpapi"
	"github.com/visualadgen/visualadgen/backend/internal/metrics"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// The producers' interfaces are what Metrics implements.
var (
	_ engine.Observer   = (*metrics.Metrics)(nil)
	_ executor.FALTimes = (*metrics.Metrics)(nil)
)

// fixed answers the scrape-time reads with set numbers, or err.
type fixed struct {
	waiting map[string]int
	spend   store.ServerSpending
	err     error
}

// Waiting returns the set counts.
func (f fixed) Waiting(context.Context) (map[string]int, error) { return f.waiting, f.err }

// ServerSpend returns the set spending.
func (f fixed) ServerSpend(context.Context) (store.ServerSpending, error) { return f.spend, f.err }

// scrape serves m's handler once and returns the status, content type and body.
func scrape(t *testing.T, m *metrics.Metrics, path string) (int, string, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	b, err := io.ReadAll(rec.Body)
	require.NoError(t, err)
	return rec.Code, rec.Header().Get("Content-Type"), string(b)
}

// TestMetricsCountWhatTheyAreTold: runs start at zero by final status;
// what the engine, FAL and the streams tell, and what the database holds,
// is served in Prometheus' text format with the Go and process collectors.
func TestMetricsCountWhatTheyAreTold(t *testing.T) {
	src := fixed{waiting: map[string]int{"available": 2, "scheduled": 1, "retryable": 0},
		spend: store.ServerSpending{Month: 1.25, Reserved: 0.5, Reservations: 3}}
	m := metrics.New(metrics.Sources{Queue: src, Spending: src}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	code, ctype, body := scrape(t, m, "/metrics")
	require.Equal(t, 200, code)
	require.Contains(t, ctype, "text/plain")
	for _, line := range []string{
		`visualadgen_runs_total{status="COMPLETED"} 0`, `visualadgen_runs_total{status="FAILED"} 0`, `visualadgen_runs_total{status="CANCELLED"} 0`,
		`visualadgen_queue_jobs{state="available"} 2`, `visualadgen_queue_jobs{state="scheduled"} 1`, `visualadgen_queue_jobs{state="retryable"} 0`,
		`visualadgen_reserved_usd 0.5`, `visualadgen_reservations 3`, `visualadgen_spent_month_usd 1.25`,
		`visualadgen_event_streams_open 0`, "go_goroutines ", "process_cpu_seconds_total ",
	} {
		require.Contains(t, body, line, line)
	}
	require.NotContains(t, body, "visualadgen_nodes_total{", "no node has ended")

	m.RunEnded(workflow.ExecCompleted)
	m.NodeEnded(engine.NodeEnd{Type: "IMAGE_MODEL", Status: workflow.NodeCompleted, Ran: 2 * time.Second, Started: true})
	m.NodeEnded(engine.NodeEnd{Type: "OUTPUT", Status: workflow.NodeSkipped})
	m.NodeEnded(engine.NodeEnd{Type: "PROMPT", Status: workflow.NodeSkipped, Ran: time.Second, Started: true})
	m.FALDone("fal-ai/flux/schnell", 3*time.Second)
	var streams httpapi.Gauge = m.Streams()
	streams.Set(4)
	_, _, body = scrape(t, m, "/metrics")
	for _, line := range []string{
		`visualadgen_runs_total{status="COMPLETED"} 1`,
		`visualadgen_nodes_total{status="COMPLETED",type="IMAGE_MODEL"} 1`,
		`visualadgen_nodes_total{status="SKIPPED",type="OUTPUT"} 1`,
		`visualadgen_node_duration_seconds_count{type="IMAGE_MODEL"} 1`,
		`visualadgen_node_duration_seconds_bucket{type="IMAGE_MODEL",le="2.5"} 1`,
		`visualadgen_fal_request_duration_seconds_count{endpoint="fal-ai/flux/schnell"} 1`,
		`visualadgen_fal_request_duration_seconds_sum{endpoint="fal-ai/flux/schnell"} 3`,
		`visualadgen_event_streams_open 4`,
	} {
		require.Contains(t, body, line, line)
	}
	require.NotContains(t, body, `visualadgen_node_duration_seconds_count{type="PROMPT"}`, "a skipped node is counted, not timed")

	code, _, _ = scrape(t, m, "/")
	require.Equal(t, 404, code, "only /metrics is served")
}

// TestFailedReadLeavesOutOnlyItsMetrics: when the database cannot be read,
// the scrape still answers with everything else.
func TestFailedReadLeavesOutOnlyItsMetrics(t *testing.T) {
	src := fixed{err: errors.New("connection refused")}
	m := metrics.New(metrics.Sources{Queue: src, Spending: src}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	code, _, body := scrape(t, m, "/metrics")
	require.Equal(t, 200, code)
	require.Contains(t, body, `visualadgen_runs_total{status="COMPLETED"} 0`)
	require.NotContains(t, body, "visualadgen_queue_jobs{")
	require.NotContains(t, body, "visualadgen_spent_month_usd ")
}
