package main

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
)

// lateness runs a prompt into n image models at once against a fake FAL
// that completes each request d after it is submitted, and returns, per
// model node, how long after FAL's completion the node completed, fastest
// first.
func lateness(t testing.TB, n int, d time.Duration, workers int) []time.Duration {
	fake := faltest.New()
	fake.CompleteAfter = d
	t.Cleanup(fake.Close)
	c := api{t: t, base: startServer(t, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL,
		"ALLOW_PRIVATE_DOWNLOADS": "true", "ENGINE_WORKERS": fmt.Sprint(workers), "ENGINE_MAX_PARALLEL": fmt.Sprint(n + 2)})}
	g, _ := fanOut(n)
	done, nodes := runGraph(t, c, g, "COMPLETED")
	require.Len(t, done["generations"], n)
	due := map[float64]time.Time{} // seed -> when FAL completed that request
	for i, sub := range fake.Submits {
		due[sub.Input["seed"].(float64)] = fake.Done(fmt.Sprintf("req-%d", i+1))
	}
	finished := map[string]time.Time{}
	for _, ne := range nodes {
		if at, ok := ne["finished_at"].(string); ok {
			f, err := time.Parse(time.RFC3339Nano, at)
			require.NoError(t, err)
			finished[ne["node_id"].(string)] = f
		}
	}
	var late []time.Duration
	for _, g := range done["generations"].([]any) {
		gen := g.(obj)
		seed := gen["parameters"].(obj)["seed"].(float64)
		late = append(late, finished[gen["node_id"].(string)].Sub(due[seed]))
	}
	sort.Slice(late, func(i, j int) bool { return late[i] < late[j] })
	return late
}

// fanOut is Text -> Prompt -> n image models (seeds 0..n-1), and the
// models' node ids.
func fanOut(n int) (obj, []string) {
	text, prompt := uuid.NewString(), uuid.NewString()
	g := obj{"nodes": []obj{node(text, "TEXT_INPUT", "Text", obj{"value": "red sneakers"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}}"})}, "edges": []obj{edge(text, prompt, "")}}
	var models []string
	for i := range n {
		id := uuid.NewString()
		models = append(models, id)
		g["nodes"] = append(g["nodes"].([]obj), node(id, "IMAGE_MODEL", fmt.Sprintf("Model %d", i),
			obj{"model": "fal-ai/flux/schnell", "parameters": obj{"image_size": "square", "seed": i}}))
		g["edges"] = append(g["edges"].([]obj), edge(prompt, id, ""))
	}
	return g, models
}

// BenchmarkFALWaitOverhead reports, for 20 image models waiting on FAL
// with 16 workers, the median and the slowest time from FAL's completion
// of a request to its node's completion (fal_wait_overhead_ms,
// fal_wait_slowest_ms).
func BenchmarkFALWaitOverhead(b *testing.B) {
	late := lateness(b, 20, time.Second, 16)
	report("fal_wait_overhead_ms", float64(late[len(late)/2].Microseconds())/1000, "ms")
	report("fal_wait_slowest_ms", float64(late[len(late)-1].Microseconds())/1000, "ms")
}

// report prints one figure in make bench's format.
func report(name string, value float64, unit string) {
	fmt.Printf("bench: %s %.3f %s\n", name, value, unit)
}
