package fonts

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

// BenchmarkFontCheck reports the median time to check an upload before
// go-text reads it, for Inter Regular, the bundled font that costs most to
// measure (its 2,548 CFF charstrings run through the interpreter):
// font_check_ms.
func BenchmarkFontCheck(b *testing.B) {
	data, err := files.ReadFile("files/Inter-Regular.otf")
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	for range max(b.N, 15) {
		start := time.Now()
		if err := check(data); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("bench: font_check_ms %.3f ms\n", float64(times[len(times)/2].Microseconds())/1000)
}
