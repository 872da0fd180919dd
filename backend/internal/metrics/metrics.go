// Package metrics gives operators Prometheus metrics, on a registry of its
// own (never the client's global one) with the Go and process collectors.
// What happens in one process is counted as it happens, by the producer
// calling an interface it declares itself and this package implements: the
// engine tells of runs and nodes that ended (engine.Observer), the FAL
// generator of each request's time (executor.FALTimes), the API of its open
// event streams (httpapi.Gauge); none of them imports Prometheus. What the
// replicas share (node jobs waiting in the queue, reservations held, this
// month's spend) is read from the database at each scrape, so every
// replica reports the same numbers.
package metrics

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Metrics holds the process's metrics and the registry that serves them.
type Metrics struct {
	reg      *prometheus.Registry
	runs     *prometheus.CounterVec
	nodes    *prometheus.CounterVec
	nodeTime *prometheus.HistogramVec
	falTime  *prometheus.HistogramVec
	streams  prometheus.Gauge
	log      *slog.Logger
}

// New builds the metrics; src is read at each scrape.
func New(src Sources, log *slog.Logger) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "visualadgen_runs_total",
			Help: "Runs that ended in this process, by final status."}, []string{"status"}),
		nodes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "visualadgen_nodes_total",
			Help: "Node executions that ended in this process, by node type and final status."}, []string{"type", "status"}),
		nodeTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "visualadgen_node_duration_seconds",
			Help:    "Time node executions that completed or failed were RUNNING, by node type.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300}}, []string{"type"}),
		falTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "visualadgen_fal_request_duration_seconds",
			Help:    "Time from a FAL request's claim, just before it was sent, until its node found every request done, by endpoint.",
			Buckets: []float64{.5, 1, 2, 4, 8, 15, 30, 60, 120, 300, 600}}, []string{"endpoint"}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{Name: "visualadgen_event_streams_open",
			Help: "Live event streams (Server-Sent Events) this process holds open."}),
		log: log,
	}
	for _, s := range workflow.ExecutionStatuses {
		if s.Final() {
			m.runs.WithLabelValues(string(s)) // present at 0, so rates start from the first run
		}
	}
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.runs, m.nodes, m.nodeTime, m.falTime, m.streams, newShared(src))
	return m
}

// Handler serves GET /metrics in Prometheus' text format, and nothing
// else. A failed database read leaves out what it would have read (and is
// logged); the rest is still served.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog: errorLog{m.log}, ErrorHandling: promhttp.ContinueOnError, Registry: m.reg, Timeout: scrapeTimeout}))
	return mux
}

// RunEnded counts a run that ended (engine.Observer).
func (m *Metrics) RunEnded(status workflow.ExecutionStatus) {
	m.runs.WithLabelValues(string(status)).Inc()
}

// NodeEnded counts a node execution that ended and, when it ran to its
// own end (completed or failed), observes how long it was RUNNING
// (engine.Observer).
func (m *Metrics) NodeEnded(end engine.NodeEnd) {
	m.nodes.WithLabelValues(string(end.Type), string(end.Status)).Inc()
	if end.Started && end.Status != workflow.NodeSkipped {
		m.nodeTime.WithLabelValues(string(end.Type)).Observe(end.Ran.Seconds())
	}
}

// FALDone observes one FAL request's time (executor.FALTimes).
func (m *Metrics) FALDone(endpoint string, took time.Duration) {
	m.falTime.WithLabelValues(endpoint).Observe(took.Seconds())
}

// Streams is the gauge of open event streams, for the API (httpapi.Gauge).
func (m *Metrics) Streams() prometheus.Gauge { return m.streams }

// errorLog writes the handler's errors to the structured log.
type errorLog struct{ log *slog.Logger }

// Println logs one error of the metrics handler.
func (l errorLog) Println(v ...any) {
	l.log.Warn("metrics: " + fmt.Sprint(v...))
}
