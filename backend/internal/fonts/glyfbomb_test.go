package fonts

import (
	"encoding/binary"
	"testing"
)

// glyphs splits a TrueType font's glyf table into its glyphs by loca.
func (f sfntFile) glyphs() [][]byte {
	n := int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	long := binary.BigEndian.Uint16(f.tables["head"][50:]) == 1
	at := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(f.tables["loca"][4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(f.tables["loca"][2*i:]))
	}
	out := make([][]byte, n)
	for i := range out {
		out[i] = f.tables["glyf"][at(i):at(i+1)]
	}
	return out
}

// setGlyphs writes glyphs back as the glyf table with a long loca, and
// makes maxp and hmtx count them (added glyphs take the last advance and
// a zero side bearing).
func (f sfntFile) setGlyphs(glyphs [][]byte) {
	var glyf, loca []byte
	for _, g := range glyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
		glyf = append(glyf, make([]byte, (4-len(g)%4)%4)...)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	old := int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	if len(glyphs) > old {
		f.tables["hmtx"] = append(f.tables["hmtx"], make([]byte, 2*(len(glyphs)-old))...)
	}
	binary.BigEndian.PutUint16(f.tables["maxp"][4:], uint16(len(glyphs)))
	binary.BigEndian.PutUint16(f.tables["head"][50:], 1)
	f.tables["glyf"], f.tables["loca"] = glyf, loca
}

// composite is a composite glyph of the given components, each at offset
// (0, 0), their records using in turn no scale, one scale, an x and y
// scale, and a two by two matrix (each the identity), with word and byte
// arguments, so that every record length is read.
func composite(components ...int) []byte {
	g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 100, 0, 100} // -1 contours, a bounding box
	for i, c := range components {
		flags := uint16(0x0002) // ARGS_ARE_XY_VALUES
		if i%2 == 0 {
			flags |= argsAreWords
		}
		scale := [][]byte{nil, {0x40, 0}, {0x40, 0, 0x40, 0}, {0x40, 0, 0, 0, 0, 0, 0x40, 0}}[i%4]
		flags |= []uint16{0, weHaveAScale, weHaveXYScale, weHaveTwoByTwo}[i%4]
		if i < len(components)-1 {
			flags |= moreComponents
		}
		g = binary.BigEndian.AppendUint16(g, flags)
		g = binary.BigEndian.AppendUint16(g, uint16(c))
		if flags&argsAreWords != 0 {
			g = append(g, 0, 0, 0, 0)
		} else {
			g = append(g, 0, 0)
		}
		g = append(g, scale...)
	}
	return g
}

// repeat is k copies of glyph id g.
func repeat(g, k int) []int {
	out := make([]int, k)
	for i := range out {
		out[i] = g
	}
	return out
}

// glyfBomb is Open Sans with 'A' made the top of a chain of depth
// composite glyphs appended to glyf, each using the one below k times, the
// bottom using a copy of the font's glyph of most points (138) k times:
// 'A' expands to k^(depth+1) copies of those points. It returns the font
// and the chain's glyph ids, bottom first.
func glyfBomb(t testing.TB, k, depth int) ([]byte, []int) {
	f := openBundled(t, "OpenSans-Regular.ttf")
	a := glyphOf(t, "OpenSans-Regular.ttf", 'A')
	glyphs := f.glyphs()
	most := 0
	for g, b := range glyphs {
		if pointsOf(b) > pointsOf(glyphs[most]) {
			most = g
		}
	}
	below := len(glyphs)
	glyphs = append(glyphs, glyphs[most])
	var chain []int
	for range depth {
		chain = append(chain, len(glyphs))
		glyphs = append(glyphs, composite(repeat(below, k)...))
		below = len(glyphs) - 1
	}
	glyphs[a] = composite(repeat(below, k)...)
	f.setGlyphs(glyphs)
	return f.bytes(), chain
}

// pointsOf is a simple glyph's point count (0 for any other).
func pointsOf(b []byte) uint32 {
	if len(b) < 10 || int16(binary.BigEndian.Uint16(b)) <= 0 {
		return 0
	}
	c, err := simpleCost(0, b, int(int16(binary.BigEndian.Uint16(b))))
	if err != nil {
		return 0
	}
	return c.points
}

// withGlyphA is Open Sans with the glyph of 'A' replaced by g(a), a being
// its id.
func withGlyphA(t testing.TB, g func(a int) []byte) ([]byte, int) {
	f := openBundled(t, "OpenSans-Regular.ttf")
	a := glyphOf(t, "OpenSans-Regular.ttf", 'A')
	glyphs := f.glyphs()
	glyphs[a] = g(a)
	f.setGlyphs(glyphs)
	return f.bytes(), a
}

// pointsBomb is a simple glyph declaring n points in a few hundred bytes:
// flags repeated 256 at a time, every coordinate the same as the last.
func pointsBomb(n int) []byte {
	g := []byte{0, 1, 0, 0, 0, 0, 0, 100, 0, 100}
	g = binary.BigEndian.AppendUint16(g, uint16(n-1)) // the one contour's last point
	g = append(g, 0, 0)                               // no instructions
	for left := n; left > 0; left -= 256 {
		g = append(g, 0x01|0x08|0x10|0x20, byte(min(left, 256)-1)) // on curve, repeated, x and y the same
	}
	return g
}
