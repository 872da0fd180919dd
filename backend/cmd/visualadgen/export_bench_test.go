package main

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
)

// BenchmarkExportZip runs the three-placement creative workflow once and
// downloads its zip ten times through the API (read from storage, zipped,
// sent): export_mb_per_s.
func BenchmarkExportZip(b *testing.B) {
	fake := faltest.New()
	b.Cleanup(fake.Close)
	c := api{t: b, base: startServer(b, map[string]string{"FAL_KEY": "k", "FAL_QUEUE_BASE_URL": fake.URL, "ALLOW_PRIVATE_DOWNLOADS": "true"})}
	var kit obj
	c.call("POST", "/api/brand-kits", obj{"name": "Acme", "primary_color": "#cd202c", "headline_font": "inter", "body_font": "lato"}, &kit)
	done, _ := runGraph(b, c, creativeGraph(kit["id"].(string)), "COMPLETED")
	url := c.base + "/api/executions/" + done["id"].(string) + "/export"
	total := int64(0)
	start := time.Now()
	for range 10 {
		res, err := http.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		_ = res.Body.Close()
		total += n
	}
	report("export_mb_per_s", float64(total)/(1<<20)/time.Since(start).Seconds(), "MB/s")
}
