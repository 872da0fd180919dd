package main

import (
	"sort"
	"testing"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
)

// BenchmarkRerunUnchanged runs TEXT -> PROMPT -> IMAGE_MODEL -> OUTPUT once,
// then again unchanged nine times, and reports the median time from execute
// to COMPLETED (rerun_unchanged_ms_sqlite, _postgres), asserting no FAL call.
func BenchmarkRerunUnchanged(b *testing.B) {
	for _, kind := range databases {
		fake := faltest.New()
		env := map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"}
		if kind == "postgres" {
			env["DATABASE_URL"] = pgtest.URL(b)
		}
		c := api{t: b, base: startServer(b, env)}
		var w obj
		c.call("POST", "/api/workflows", obj{"name": "rerun"}, &w)
		id := w["id"].(string)
		c.call("PUT", "/api/workflows/"+id+"/graph", oneImage("red sneakers"), &w)
		runOnce := func() time.Duration {
			start := time.Now()
			var x obj
			c.call("POST", "/api/workflows/"+id+"/execute", nil, &x)
			c.waitStatus(x["execution_id"].(string), "COMPLETED")
			return time.Since(start)
		}
		runOnce()
		var times []time.Duration
		for range 9 {
			times = append(times, runOnce())
		}
		if len(fake.Submits) != 1 {
			b.Fatalf("%s: FAL was called %d times; the re-runs must not call it", kind, len(fake.Submits))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		report("rerun_unchanged_ms_"+kind, float64(times[len(times)/2].Microseconds())/1000, "ms")
		fake.Close()
	}
}
