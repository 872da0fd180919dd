package main

import (
	"bufio"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// metricsAt finds the metrics URL in the server's "serving" log line.
var metricsAt = regexp.MustCompile(`metrics=(http://\S+)`)

// scrape fetches the metrics and returns each sample's value by series
// (name and labels, as Prometheus' text format writes them).
func scrape(t testing.TB, url string) map[string]float64 {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
	require.True(t, strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain; version=0.0.4"), res.Header.Get("Content-Type"))
	out := map[string]float64{}
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		require.NoError(t, err, line)
		out[line[:i]] = v
	}
	require.NoError(t, sc.Err())
	return out
}

// scrapeUntil scrapes until series reads want, for at most a minute (a
// deadline, not a pace): a run's end is counted right after its
// transaction commits, by the process that committed it, while on
// Postgres its event reaches the test through the database, so the first
// scrape after the event may come a moment early.
func scrapeUntil(t testing.TB, url, series string, want float64) map[string]float64 {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		got := scrape(t, url)
		if got[series] == want || time.Now().After(deadline) {
			require.Equal(t, want, got[series], series)
			return got
		}
	}
}

// TestMetricsFollowARun serves /metrics on METRICS_ADDR (a port of its
// own, logged on the "serving" line) and never on the public port; a run
// of TEXT -> PROMPT -> IMAGE_MODEL (FAL) -> OUTPUT moves the run counter
// from 0 to 1 and each node type's, times the nodes and the FAL request,
// and the database's spend reads what the run cost, on both databases.
func TestMetricsFollowARun(t *testing.T) {
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			_, env := withFAL(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0"})
			line := startServerLine(t, withDatabase(t, db, env))
			c := api{t: t, base: servingURL.FindStringSubmatch(line)[1]}
			require.Regexp(t, metricsAt, line)
			url := metricsAt.FindStringSubmatch(line)[1]
			require.NotContains(t, url, strings.TrimPrefix(c.base, "http://"), "a port of its own")

			code, _ := get(t, c.base+"/metrics")
			require.Equal(t, 404, code, "the public port serves no metrics")

			var w obj
			require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "watched"}, &w))
			openStream(t, c, "/api/workflows/"+w["id"].(string)+"/events")
			before := scrape(t, url)
			require.Equal(t, 0.0, before[`visualadgen_runs_total{status="COMPLETED"}`])
			require.Contains(t, before, `visualadgen_runs_total{status="FAILED"}`)
			require.NotContains(t, before, `visualadgen_nodes_total{status="COMPLETED",type="IMAGE_MODEL"}`)
			require.Equal(t, 1.0, before["visualadgen_event_streams_open"], "the workflow's live view")
			for _, state := range []string{"available", "scheduled", "retryable"} {
				require.Equal(t, 0.0, before[`visualadgen_queue_jobs{state="`+state+`"}`], state)
			}
			require.Equal(t, 0.0, before["visualadgen_spent_month_usd"])
			require.Contains(t, before, "go_goroutines")
			require.Contains(t, before, "process_resident_memory_bytes")

			done, _ := runGraph(t, c, oneImage("metered sneakers"), "COMPLETED")
			after := scrapeUntil(t, url, `visualadgen_runs_total{status="COMPLETED"}`, 1)
			for _, typ := range []string{"TEXT_INPUT", "PROMPT", "IMAGE_MODEL", "OUTPUT"} {
				require.Equal(t, 1.0, after[`visualadgen_nodes_total{status="COMPLETED",type="`+typ+`"}`], typ)
				require.Equal(t, 1.0, after[`visualadgen_node_duration_seconds_count{type="`+typ+`"}`], typ)
			}
			require.Equal(t, 0.0, after[`visualadgen_runs_total{status="FAILED"}`])
			require.Equal(t, 1.0, after[`visualadgen_fal_request_duration_seconds_count{endpoint="fal-ai/flux/schnell"}`])
			require.Greater(t, after[`visualadgen_fal_request_duration_seconds_sum{endpoint="fal-ai/flux/schnell"}`], 0.0)
			require.Greater(t, done["total_cost"], 0.0)
			require.InDelta(t, done["total_cost"], after["visualadgen_spent_month_usd"], 1e-9, "the ledger holds what the run cost")
			require.Equal(t, 0.0, after["visualadgen_reserved_usd"], "settled when the run ended")
			require.Equal(t, 0.0, after["visualadgen_reservations"])
		})
	}
}

// TestMetricsOffByDefault: without METRICS_ADDR nothing more listens, and
// the "serving" line says so.
func TestMetricsOffByDefault(t *testing.T) {
	line := startServerLine(t, nil)
	require.Contains(t, line, "metrics=off")
	code, body := get(t, servingURL.FindStringSubmatch(line)[1]+"/metrics")
	require.Equal(t, 404, code, body)
}
