package fonts

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"
)

// cffRewrite is Inter's CFF table taken apart: its global subroutines and
// charstrings, to change, and the rest, to put back as it was.
type cffRewrite struct {
	font        sfntFile
	head        []byte // header, Name INDEX
	top         []byte // the one Top DICT
	strs        []byte // String INDEX
	gsubrs      [][]byte
	rest        []byte // everything after the Global Subr INDEX
	restAt      int
	charstrings [][]byte
	private     [2]int    // the Private DICT's size and offset
	cid         *cidParts // nil to keep the font as it is, not CID-keyed
}

// openInter takes Inter Regular's CFF table apart.
func openInter(t testing.TB) *cffRewrite {
	f := openBundled(t, "Inter-Regular.otf")
	b := f.tables["CFF "]
	_, p1, err := readIndex(b, 4)
	require.NoError(t, err)
	tops, p2, err := readIndex(b, p1)
	require.NoError(t, err)
	_, p3, err := readIndex(b, p2)
	require.NoError(t, err)
	g, p4, err := readIndex(b, p3)
	require.NoError(t, err)
	var top dict
	require.NoError(t, top.read(tops.item(0), 0))
	cs, _, err := readIndex(b, top.charStrings)
	require.NoError(t, err)
	require.False(t, top.cid, "the rewrite handles a font that is not CID")
	return &cffRewrite{font: f, head: b[:p1], top: tops.item(0), strs: b[p2:p3], gsubrs: g.items(),
		rest: b[p4:], restAt: p4, charstrings: cs.items(), private: [2]int{top.privateSize, top.privateOffset}}
}

// callGlobal is a charstring calling global subroutine i of count.
func callGlobal(i, count int) []byte {
	bias := 107
	if count >= 1240 {
		bias = 1131
	}
	return append(shortInt(i-bias), 29)
}

// shortInt encodes v as a 16-bit operand (28, then two bytes).
func shortInt(v int) []byte { return []byte{28, byte(uint16(v) >> 8), byte(v)} }

// addGlobal appends a global subroutine and returns its number.
func (c *cffRewrite) addGlobal(code []byte) int {
	c.gsubrs = append(c.gsubrs, code)
	return len(c.gsubrs) - 1
}

// bytes writes the font back with the CFF table rebuilt: the new Global
// Subr INDEX, the old data after it moved along (the Top DICT's offsets
// into it moved too, written as 5-byte operands), then the CharStrings
// INDEX and, for a CID rewrite, its FDSelect, FDArray and second Private
// DICT.
func (c *cffRewrite) bytes() []byte {
	var extra []byte // the Top DICT's CID entries, 5-byte operands
	if c.cid != nil {
		extra = make([]byte, len(c.cidEntries(0)))
	}
	top := append(dictWithOffsets(c.top, func(op byte, v int) int { return v }), extra...) // measure its length
	tops := indexBytes([][]byte{top})
	gsubrs := indexBytes(c.gsubrs)
	at := len(c.head) + len(tops) + len(c.strs) + len(gsubrs)
	moved := func(v int) int { return v - c.restAt + at }
	tail := indexBytes(c.charstrings)
	csAt := at + len(c.rest)
	if c.cid != nil {
		extra = c.cidEntries(csAt + len(tail))
		tail = append(tail, c.cidData(csAt+len(tail), moved)...)
	}
	top = append(dictWithOffsets(c.top, func(op byte, v int) int {
		switch {
		case op == 17:
			return csAt
		case op == 15 && v <= 2, op == 16 && v <= 1: // a predefined charset or encoding
			return v
		}
		return moved(v)
	}), extra...)
	out := append(append([]byte(nil), c.head...), indexBytes([][]byte{top})...)
	out = append(append(append(out, c.strs...), gsubrs...), c.rest...)
	c.font.tables["CFF "] = append(out, tail...)
	return c.font.bytes()
}

// indexBytes writes a CFF INDEX with 4-byte offsets.
func indexBytes(items [][]byte) []byte {
	out := binary.BigEndian.AppendUint16(nil, uint16(len(items)))
	out = append(out, 4)
	off := 1
	out = binary.BigEndian.AppendUint32(out, uint32(off))
	for _, it := range items {
		off += len(it)
		out = binary.BigEndian.AppendUint32(out, uint32(off))
	}
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}

// dictWithOffsets rewrites a Top DICT, its charset (15), Encoding (16),
// CharStrings (17) and Private offset (18's last operand) passed through
// move and written as 5-byte operands; the rest is kept as it was.
func dictWithOffsets(d []byte, move func(op byte, v int) int) []byte {
	var out []byte
	var raws [][]byte // the operands since the last operator
	last := 0         // the last operand's value
	for i := 0; i < len(d); {
		b, n := d[i], 1
		switch {
		case b <= 21: // an operator
			if b == 12 {
				n = 2
			}
			if b >= 15 && b <= 18 && len(raws) > 0 {
				raws[len(raws)-1] = binary.BigEndian.AppendUint32([]byte{29}, uint32(move(b, last)))
			}
			for _, r := range raws {
				out = append(out, r...)
			}
			out, raws = append(out, d[i:i+n]...), nil
			i += n
			continue
		case b == 28:
			n, last = 3, int(int16(binary.BigEndian.Uint16(d[i+1:])))
		case b == 29:
			n, last = 5, int(int32(binary.BigEndian.Uint32(d[i+1:])))
		case b == 30: // a real number: nibbles up to 0xf
			for d[i+n-1]&0x0f != 0x0f && (n == 1 || d[i+n-1]>>4 != 0x0f) {
				n++
			}
		case b <= 246:
			last = int(b) - 139
		case b <= 250:
			n, last = 2, (int(b)-247)*256+int(d[i+1])+108
		default:
			n, last = 2, -(int(b)-251)*256-int(d[i+1])-108
		}
		raws = append(raws, d[i:i+n])
		i += n
	}
	return out
}

// tree adds depth global subroutines, each calling the next k times, the
// last running leaf (which must end in return), and returns the first:
// calling it runs leaf k^(depth-1) times.
func (c *cffRewrite) tree(k, depth int, leaf []byte) int {
	first, count := len(c.gsubrs), len(c.gsubrs)+depth
	for i := range depth {
		code := leaf
		if i < depth-1 {
			code = nil
			for range k {
				code = append(code, callGlobal(first+i+1, count)...)
			}
			code = append(code, 11) // return
		}
		c.addGlobal(code)
	}
	return first
}

// calls is a charstring calling global subroutine i k times, then endchar.
func (c *cffRewrite) calls(i, k int) []byte {
	var cs []byte
	for range k {
		cs = append(cs, callGlobal(i, len(c.gsubrs))...)
	}
	return append(cs, 14)
}

// lineLeaf draws a line to where it is ("0 0 rlineto") and returns.
var lineLeaf = []byte{139, 139, 5, 11}

// cffBomb is Inter with the charstring of 'A' calling a chain of nine
// global subroutines k times, each calling the next k times, the last
// drawing a line: 'A' runs k^9 operators and draws k^9 segments, at the
// nesting go-text allows (10).
func cffBomb(t testing.TB, k int) []byte {
	c := openInter(t)
	top := c.tree(k, 9, lineLeaf)
	c.charstrings[glyphOf(t, "Inter-Regular.otf", 'A')] = c.calls(top, k)
	return c.bytes()
}

// cffSpread is Inter with every glyph calling the same tree of global
// subroutines, k wide and depth deep, running leaf at its foot.
func cffSpread(t testing.TB, k, depth int, leaf []byte) []byte {
	c := openInter(t)
	top := c.tree(k, depth, leaf)
	for g := range c.charstrings {
		c.charstrings[g] = c.calls(top, 1)
	}
	return c.bytes()
}
