package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-text/typesetting/font"
	"github.com/stretchr/testify/require"
)

// oldChecksPass is what Parse checked before outlines were measured: go-text
// reads the file, and it has the letters ad copy needs.
func oldChecksPass(t *testing.T, data []byte) {
	face, err := font.ParseTTF(bytes.NewReader(data))
	require.NoError(t, err)
	for _, r := range "AZaz09" {
		_, ok := face.NominalGlyph(r)
		require.True(t, ok)
	}
}

// refusedWithin parses data, wanting a refusal saying want within 100 MB
// of allocations; it says what the refusal took. Its time is measured by
// BenchmarkBombRefusal (font_bomb_refuse_ms, under a second), not
// asserted here: a timed test fails at random on a loaded machine.
func refusedWithin(t *testing.T, data []byte, want string) string {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Parse(data)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	grew := after.TotalAlloc - before.TotalAlloc
	require.ErrorContains(t, err, want)
	require.Less(t, grew, uint64(100<<20), "refusing allocated too much")
	return fmt.Sprintf("%d KB file refused in %v, %d KB allocated: %v", len(data)>>10, took.Round(10*time.Microsecond), grew>>10, err)
}

// TestBombsAreRefusedFast builds the three fonts the review found exhaust
// memory inside go-text, each from a bundled font: each passes the old
// checks, and is refused in under a second and 100 MB.
func TestBombsAreRefusedFast(t *testing.T) {
	a := glyphOf(t, "OpenSans-Regular.ttf", 'A')
	wide, chain := glyfBomb(t, 16, 6) // 'A' is 16^7 copies of its points
	oldChecksPass(t, wide)
	msg := refusedWithin(t, wide, "expands to more than 65535 points, the most a TrueType glyph may have")
	require.Regexp(t, fmt.Sprintf("glyph (%d|%d|%d) expands", chain[1], chain[2], chain[3]), msg)
	t.Log("TrueType composites, 16 wide:", msg)
	deep, _ := glyfBomb(t, 2, 19) // 'A' is 2^20 copies, at go-text's depth bound
	oldChecksPass(t, deep)
	t.Log("TrueType composites, 20 deep:", refusedWithin(t, deep, fmt.Sprintf("glyph %d nests components more than 8 deep", a)))

	cff := cffBomb(t, 4) // 'A' runs 4^9 lines
	oldChecksPass(t, cff)
	t.Log("CFF subroutines:", refusedWithin(t, cff, fmt.Sprintf("glyph %d runs more than 50000 charstring operations", glyphOf(t, "Inter-Regular.otf", 'A'))))

	f := openBundled(t, "OpenSans-Regular.ttf")
	woff := f.woff(t, "glyf", 0)
	declare(woff, "glyf", 0xFFFFFF00) // a 4 GiB glyf table, inflated from a few KB
	t.Log("WOFF zlib bomb:", refusedWithin(t, woff, "this is a WOFF web font; upload the TTF or OTF file it was made from"))
}

// TestWOFFTablesInflateToTheirDeclaredLength shows the WOFF bomb's
// mechanism at a safe size: go-text inflates a table into a buffer of the
// length the file declares, 16 MB here from a file of a few hundred KB.
func TestWOFFTablesInflateToTheirDeclaredLength(t *testing.T) {
	woff := openBundled(t, "OpenSans-Regular.ttf").woff(t, "glyf", 16<<20)
	require.Less(t, len(woff), 1<<20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	oldChecksPass(t, woff)
	runtime.ReadMemStats(&after)
	require.Greater(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20))
	_, err := Parse(woff)
	require.ErrorContains(t, err, "WOFF web font")
}

// declare sets the inflated length a WOFF's table record declares.
func declare(woff []byte, tag string, length uint32) {
	for i := range int(binary.BigEndian.Uint16(woff[12:])) {
		if rec := woff[44+20*i:]; string(rec[:4]) == tag {
			binary.BigEndian.PutUint32(rec[12:], length)
		}
	}
}

// TestCompositesAreMeasured refuses the other shapes of composite abuse,
// naming the bound and the glyph, and keeps a composite of real size.
func TestCompositesAreMeasured(t *testing.T) {
	deep, _ := glyfBomb(t, 1, 9) // ten levels of one component each: few points
	a := glyphOf(t, "OpenSans-Regular.ttf", 'A')
	_, err := Parse(deep)
	require.ErrorContains(t, err, fmt.Sprintf("glyph %d nests components more than 8 deep", a))

	self, _ := withGlyphA(t, func(a int) []byte { return composite(a) })
	_, err = Parse(self)
	require.ErrorContains(t, err, fmt.Sprintf("glyph %d uses itself as a component", a))

	space := glyphOf(t, "OpenSans-Regular.ttf", ' ')
	empty, _ := withGlyphA(t, func(int) []byte { return composite(repeat(space, 3000)...) })
	_, err = Parse(empty) // no points, but 3000 walks
	require.ErrorContains(t, err, fmt.Sprintf("glyph %d expands to more than 2048 component references", a))

	points, _ := withGlyphA(t, func(int) []byte { return pointsBomb(60000) })
	oldChecksPass(t, points) // go-text allocates the 60000 points at load
	_, err = Parse(points)
	require.ErrorContains(t, err, fmt.Sprintf("glyph %d declares 60000 points in 484 bytes", a))

	b, c := glyphOf(t, "OpenSans-Regular.ttf", 'B'), glyphOf(t, "OpenSans-Regular.ttf", 'C')
	fine, _ := withGlyphA(t, func(int) []byte { return composite(b, c, b, c) })
	_, err = Parse(fine)
	require.NoError(t, err)
}

// TestAFontsOperationsAreBoundedInAll refuses a font every glyph of which
// is under the glyph's budget but which runs past the font's, in well under
// a second however cheap its operations.
func TestAFontsOperationsAreBoundedInAll(t *testing.T) {
	for name, leaf := range map[string][]byte{
		"a line":  lineLeaf,
		"nothing": {11},
		"a move":  {139, 22, 11}, // 0 hmoveto: closes a path, opens one
	} {
		t.Log(name+":", refusedWithin(t, cffSpread(t, 4, 7, leaf), "operations in all"))
	}
}

// TestOnlyPlainFontsAreRead names the formats refused before go-text
// reads anything, and refuses a table outside the file.
func TestOnlyPlainFontsAreRead(t *testing.T) {
	pad := make([]byte, 100)
	for magic, want := range map[string]string{
		"wOF2":             "this is a WOFF2 web font; upload the TTF or OTF file it was made from",
		"ttcf":             "this is a font collection (TTC)",
		"typ1":             "not a TTF or OTF font",
		"\x00\x00\x01\x00": "not a TTF or OTF font",
	} {
		_, err := Parse(append([]byte(magic), pad...))
		require.ErrorContains(t, err, want, magic)
	}
	f := openBundled(t, "OpenSans-Regular.ttf").bytes()
	binary.BigEndian.PutUint32(f[12+12:], 0xFFFFFFF0) // the first table's length
	_, err := Parse(f)
	require.ErrorContains(t, err, "lies outside the file")
}

// TestBundledFontsAreCheckedFast checks every bundled font, each in well
// under the time a refusal may take.
func TestBundledFontsAreCheckedFast(t *testing.T) {
	entries, err := files.ReadDir("files")
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "LICENSE") {
			continue
		}
		data, err := files.ReadFile("files/" + e.Name())
		require.NoError(t, err)
		start := time.Now()
		require.NoError(t, check(data), e.Name())
		require.Less(t, time.Since(start), 200*time.Millisecond, e.Name())
	}
}
