package compose

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/placements"
)

// BenchmarkCompose reports the median time to compose one 1080x1920 final
// with headline, subline, call to action and logo on a busy picture (a
// scrim included): compose_ms. Encoding the file is not part of it.
func BenchmarkCompose(b *testing.B) {
	p, _ := placements.Get("meta_stories")
	br := brand(b)
	spec := Spec{Copy: Copy{Headline: "Spring steps, brighter days", Subline: "Red canvas sneakers, now 20% off", CTA: "Shop now"},
		Brand: br, Safe: safeOf(p), For: p.Describe()}
	base := canvas(p.Width, p.Height, "busy")
	var times []time.Duration
	for range max(b.N, 15) {
		img := canvas(1, 1, "light")
		img.Pix, img.Stride, img.Rect = append([]byte(nil), base.Pix...), base.Stride, base.Rect
		start := time.Now()
		if _, err := Compose(b.Context(), img, spec); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("bench: compose_ms %.3f ms\n", float64(times[len(times)/2].Microseconds())/1000)
}
