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

// BenchmarkBombRefusal reports the slowest refusal of the font bombs the
// tests build (the slowest is the font that runs up to the per-font
// operation budget): font_bomb_refuse_ms, to stay under a second.
func BenchmarkBombRefusal(b *testing.B) {
	wide, _ := glyfBomb(b, 16, 6)
	deep, _ := glyfBomb(b, 2, 19)
	bombs := [][]byte{wide, deep, cffBomb(b, 4), cffSpread(b, 4, 7, lineLeaf)}
	worst := time.Duration(0)
	for _, data := range bombs {
		start := time.Now()
		if _, err := Parse(data); err == nil {
			b.Fatal("a bomb was accepted")
		}
		worst = max(worst, time.Since(start))
	}
	fmt.Printf("bench: font_bomb_refuse_ms %.3f ms\n", float64(worst.Microseconds())/1000)
}
