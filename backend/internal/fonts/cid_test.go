package fonts

import (
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// cidParts makes a rewrite CID-keyed with two font dicts: dict 0 keeps the
// font's Private DICT and local subroutines, dict 1 has a Private DICT of
// its own whose local subroutines are subrs, and FDSelect (format 3) gives
// dict 1 to glyph alone.
type cidParts struct {
	glyph int
	subrs [][]byte
}

// cidEntries are the Top DICT's ROS, FDArray and FDSelect entries, for the
// CID data written at at.
func (c *cffRewrite) cidEntries(at int) []byte {
	out := []byte{139, 139, 139, 12, 30} // ROS: SIDs 0 and 0, supplement 0
	out = append(binary.BigEndian.AppendUint32(append(out, 29), uint32(at+14)), 12, 36)
	return append(binary.BigEndian.AppendUint32(append(out, 29), uint32(at)), 12, 37)
}

// cidData is the FDSelect (14 bytes), the FDArray and dict 1's Private
// DICT and Subrs, written at at; moved moves an offset into the old data.
func (c *cffRewrite) cidData(at int, moved func(int) int) []byte {
	n, g := len(c.charstrings), c.cid.glyph
	out := []byte{3, 0, 3} // format 3, three ranges, then the sentinel
	for _, r := range [][2]int{{0, 0}, {g, 1}, {g + 1, 0}, {n, 0}} {
		out = append(binary.BigEndian.AppendUint16(out, uint16(r[0])), byte(r[1]))
	}
	out = out[:len(out)-1] // the sentinel has no dict
	private := binary.BigEndian.AppendUint32([]byte{29}, 6)
	private = append(private, 19) // Subrs right after these 6 bytes
	fdsLen := len(indexBytes([][]byte{privateEntry(0, 0), privateEntry(0, 0)}))
	fds := indexBytes([][]byte{privateEntry(c.private[0], moved(c.private[1])), privateEntry(len(private), at+14+fdsLen)})
	out = append(append(out, fds...), private...)
	return append(out, indexBytes(c.cid.subrs)...)
}

// privateEntry is a font dict naming its Private DICT.
func privateEntry(size, offset int) []byte {
	out := binary.BigEndian.AppendUint32([]byte{29}, uint32(size))
	out = binary.BigEndian.AppendUint32(append(out, 29), uint32(offset))
	return append(out, 18)
}

// localTree is depth local subroutines, each calling the next k times, the
// last drawing a line.
func localTree(k, depth int) [][]byte {
	var subrs [][]byte
	for i := range depth {
		code := lineLeaf
		if i < depth-1 {
			code = nil
			for range k {
				code = append(code, append(shortInt(i+1-107), 10)...) // callsubr, biased
			}
			code = append(code, 11)
		}
		subrs = append(subrs, code)
	}
	return subrs
}

// TestCIDFontsAreMeasuredPerFontDict runs each glyph of a CID-keyed CFF
// font with the local subroutines of the font dict FDSelect gives it: 'A'
// calling local subroutine 0 is a bomb in dict 1 and harmless in dict 0.
func TestCIDFontsAreMeasuredPerFontDict(t *testing.T) {
	a := glyphOf(t, "Inter-Regular.otf", 'A')
	calls := append(append(append(shortInt(-107), 10), append(shortInt(-107), 10)...), 14)
	for _, dict1 := range []int{a, glyphOf(t, "Inter-Regular.otf", 'B')} {
		c := openInter(t)
		c.cid = &cidParts{glyph: dict1, subrs: localTree(4, 9)}
		c.charstrings[a] = calls
		data := c.bytes()
		oldChecksPass(t, data)
		if dict1 == a {
			t.Log("CID, dict 1:", refusedWithin(t, data, fmt.Sprintf("glyph %d runs more than 50000", a)))
			continue
		}
		_, err := Parse(data)
		require.NoError(t, err, "'A' in dict 0 calls Inter's own first local subroutine")
	}
}
