package engine

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/queue"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// benchHarness opens a fresh engine of kind for a benchmark.
func benchHarness(b *testing.B, kind string, workers int) *harness {
	loc := filepath.Join(b.TempDir(), "b.db")
	if kind == "postgres" {
		loc = pgtest.URL(b)
	}
	h := attach(b, kind, loc, Config{MaxParallel: 8, MaxAttempts: 3},
		queue.Config{Workers: workers, NodeTimeout: time.Minute, RescueAfter: 2 * time.Minute}, true)
	h.user = workflow.NewID()
	require.NoError(b, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: "b@example.com"}))
	return h
}

// report prints one figure in make bench's format.
func report(name string, value float64, unit string) {
	fmt.Printf("bench: %s %.3f %s\n", name, value, unit)
}

// chain returns n node specs in a chain and its edges.
func chain(n int, cfg string) ([]spec, []string) {
	var nodes []spec
	var edges []string
	for i := range n {
		nodes = append(nodes, spec{name: fmt.Sprintf("n%02d", i), cfg: cfg})
		if i > 0 {
			edges = append(edges, fmt.Sprintf("n%02d>n%02d", i-1, i))
		}
	}
	return nodes, edges
}

// salted is a chain of n nodes whose first node's output carries salt, so
// no node of it can reuse an earlier run's output: a benchmark measures new
// work (each node still looks for an earlier output, and finds none).
func salted(h *harness, n int, salt int) workflow.Workflow {
	nodes, edges := chain(n, "")
	nodes[0].cfg = fmt.Sprintf(`{"out":{"salt":%d}}`, salt)
	return h.workflowOf(nodes, edges...)
}

// BenchmarkNodeOverhead measures the median engine time per node on a chain
// of 50 nodes whose executor returns at once.
func BenchmarkNodeOverhead(b *testing.B) {
	for _, kind := range backends {
		b.Run(kind, func(b *testing.B) {
			h := benchHarness(b, kind, 16)
			var per []float64
			for i := range 3 {
				w := salted(h, 50, i)
				start := time.Now()
				x, err := h.eng.Start(context.Background(), h.user, w.ID)
				require.NoError(b, err)
				h.waitFor(x.ID, workflow.ExecCompleted)
				per = append(per, float64(time.Since(start).Microseconds())/1000/50)
			}
			sort.Float64s(per)
			report("node_overhead_"+kind+"_ms", per[len(per)/2], "ms")
		})
	}
}

// BenchmarkParallelEfficiency runs 8 branches of 200 ms joined into one node:
// wall time divided by the critical path (200 ms plus the join).
func BenchmarkParallelEfficiency(b *testing.B) {
	h := benchHarness(b, "postgres", 16)
	nodes := []spec{}
	var edges []string
	for i := range 8 {
		nodes = append(nodes, spec{name: fmt.Sprintf("b%d", i), cfg: `{"sleep_ms":200}`})
		edges = append(edges, fmt.Sprintf("b%d>join", i))
	}
	nodes = append(nodes, spec{name: "join"})
	w := h.workflowOf(nodes, edges...)
	// One run warms the process (database connections, prepared statements);
	// the figure is the median of the next five.
	var ratios []float64
	for i := range 6 {
		start := time.Now()
		x, err := h.eng.StartWith(context.Background(), h.user, w.ID, &workflow.RunOptions{FreshAll: true})
		require.NoError(b, err)
		h.waitFor(x.ID, workflow.ExecCompleted)
		wall := time.Since(start)
		join := h.nodes(w, x.ID)["join"]
		critical := 200*time.Millisecond + join.FinishedAt.Sub(*join.StartedAt)
		if i > 0 {
			ratios = append(ratios, float64(wall)/float64(critical))
		}
	}
	sort.Float64s(ratios)
	report("parallel_efficiency", ratios[len(ratios)/2], "ratio")
}

// BenchmarkExecutionsPerSecond completes 3-node executions with 50 concurrent
// starters and zero-latency executors on Postgres.
func BenchmarkExecutionsPerSecond(b *testing.B) {
	h := benchHarness(b, "postgres", 100)
	const starters, each = 50, 12
	ws := make([]workflow.Workflow, starters*each)
	for i := range ws {
		ws[i] = salted(h, 3, i)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for s := range starters {
		wg.Go(func() {
			for i := range each {
				_, err := h.eng.Start(context.Background(), h.user, ws[s*each+i].ID)
				if err != nil {
					b.Error(err)
				}
			}
		})
	}
	wg.Wait()
	// Count completions in the database every 5 ms: events would be lost
	// here (a slow subscriber loses them rather than blocking the engine),
	// and a benchmark may poll where a test may not.
	done, deadline := 0, time.Now().Add(5*time.Minute)
	for done < starters*each {
		if time.Now().After(deadline) {
			b.Fatalf("only %d executions completed", done)
		}
		time.Sleep(5 * time.Millisecond)
		running, err := h.st.RunningExecutions(context.Background())
		require.NoError(b, err)
		done = starters*each - len(running)
	}
	secs := time.Since(start).Seconds()
	report("executions_per_second_postgres", float64(done)/secs, "executions/s")
}
