package fonts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"sort"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/stretchr/testify/require"
)

// sfntFile is a font taken apart for rewriting: its first four bytes and
// its tables by tag.
type sfntFile struct {
	flavor string
	tables map[string][]byte
}

// openBundled takes a bundled font apart.
func openBundled(t testing.TB, name string) sfntFile {
	data, err := files.ReadFile("files/" + name)
	require.NoError(t, err)
	tables, err := readTables(data)
	require.NoError(t, err)
	f := sfntFile{flavor: string(data[:4]), tables: map[string][]byte{}}
	for tag, b := range tables {
		f.tables[tag] = append([]byte(nil), b...)
	}
	return f
}

// glyphOf is the glyph the bundled font maps r to.
func glyphOf(t testing.TB, name string, r rune) int {
	data, err := files.ReadFile("files/" + name)
	require.NoError(t, err)
	face, err := font.ParseTTF(bytes.NewReader(data))
	require.NoError(t, err)
	g, ok := face.NominalGlyph(r)
	require.True(t, ok)
	return int(g)
}

// checksum is the OpenType table checksum: the sum of its uint32 words,
// the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// bytes writes the font back: the table directory sorted by tag, each
// table 4-byte aligned with its checksum, and head's checkSumAdjustment.
func (f sfntFile) bytes() []byte {
	tags := make([]string, 0, len(f.tables))
	for tag := range f.tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	if head := f.tables["head"]; len(head) >= 12 {
		binary.BigEndian.PutUint32(head[8:], 0)
	}
	n := len(tags)
	out := append([]byte(f.flavor), 0, 0, 0, 0, 0, 0, 0, 0)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	dir := len(out)
	out = append(out, make([]byte, 16*n)...)
	for i, tag := range tags {
		b := f.tables[tag]
		rec := out[dir+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		out = append(out, b...)
		out = append(out, make([]byte, (4-len(b)%4)%4)...)
	}
	if head, ok := f.tables["head"]; ok && len(head) >= 12 {
		i := sort.SearchStrings(tags, "head")
		at := binary.BigEndian.Uint32(out[dir+16*i+8:])
		binary.BigEndian.PutUint32(out[at+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// woff wraps the font as a WOFF whose table tag is stored compressed with
// extra zero bytes after its data, declaring the inflated length; the
// other tables are stored as they are.
func (f sfntFile) woff(t testing.TB, tag string, extra int) []byte {
	tags := make([]string, 0, len(f.tables))
	for tg := range f.tables {
		tags = append(tags, tg)
	}
	sort.Strings(tags)
	out := make([]byte, 44+20*len(tags))
	copy(out, "wOFF")
	copy(out[4:], f.flavor)
	binary.BigEndian.PutUint16(out[12:], uint16(len(tags)))
	binary.BigEndian.PutUint16(out[20:], 1) // version 1.0
	for i, tg := range tags {
		b, orig := f.tables[tg], len(f.tables[tg])
		if tg == tag {
			var z bytes.Buffer
			w := zlib.NewWriter(&z)
			_, err := w.Write(b)
			require.NoError(t, err)
			for left := extra; left > 0; left -= 1 << 20 {
				_, err = w.Write(make([]byte, min(left, 1<<20)))
				require.NoError(t, err)
			}
			require.NoError(t, w.Close())
			b, orig = z.Bytes(), orig+extra
		}
		rec := out[44+20*i:]
		copy(rec, tg)
		binary.BigEndian.PutUint32(rec[4:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(b)))
		binary.BigEndian.PutUint32(rec[12:], uint32(orig))
		binary.BigEndian.PutUint32(rec[16:], checksum(f.tables[tg]))
		out = append(out, b...)
		out = append(out, make([]byte, (4-len(b)%4)%4)...)
	}
	binary.BigEndian.PutUint32(out[8:], uint32(len(out)))
	return out
}

// TestRewrittenFontsStillParse checks the rewriting helpers: a bundled font
// taken apart and written back parses, as TTF and OTF.
func TestRewrittenFontsStillParse(t *testing.T) {
	for _, name := range []string{"OpenSans-Regular.ttf", "Inter-Regular.otf"} {
		_, err := Parse(openBundled(t, name).bytes())
		require.NoError(t, err, name)
	}
}
