package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// be reads the big-endian numbers every font table is written in.
var be = binary.BigEndian

// formats names the files that start like a font but that this server does
// not read, by their first four bytes, with what to upload instead. The
// reader go-text uses would take a WOFF (and inflate each table into a
// buffer of the length the file declares, up to 4 GiB: a zlib bomb) and
// would pick one font of a collection; neither is worth the risk for an
// upload a desktop font file serves as well.
var formats = map[string]string{
	"wOFF": "this is a WOFF web font; upload the TTF or OTF file it was made from",
	"wOF2": "this is a WOFF2 web font; upload the TTF or OTF file it was made from",
	"ttcf": "this is a font collection (TTC) holding several fonts; upload the TTF or OTF of the one you want",
}

// plain lists the first four bytes of the fonts read: TrueType outlines
// (0x00010000, or Apple's 'true') and CFF outlines ('OTTO').
var plain = []string{"\x00\x01\x00\x00", "true", "OTTO"}

// errNotFont is the answer for a file that is no font at all.
var errNotFont = errors.New("the file is not a TTF or OTF font")

// readTables checks data is a plain TTF or OTF by its first four bytes and
// reads its table directory, refusing a table that lies outside the file
// (go-text would allocate the length a record declares before reading it).
// The first record of a tag wins, as in go-text.
func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errNotFont
	}
	magic := string(data[:4])
	if msg, ok := formats[magic]; ok {
		return nil, errors.New(msg)
	}
	known := false
	for _, m := range plain {
		known = known || magic == m
	}
	if !known {
		return nil, errNotFont
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("%w: its table directory is cut short", errNotFont)
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fmt.Errorf("%w: its %q table lies outside the file", errNotFont, tag)
		}
		if _, dup := tables[tag]; !dup {
			tables[tag] = data[off : off+length]
		}
	}
	return tables, nil
}

// pictureTables are the tables that draw glyphs as pictures (bitmaps, SVG,
// colour layers) instead of outlines. Ad copy needs outlines, and a picture
// glyph is an image decoded with no size limit when drawn (a 20000x20000
// PNG in a 600 KB font took 14 GB), so a font with any of them is refused.
var pictureTables = []string{"sbix", "CBDT", "CBLC", "EBDT", "EBLC", "SVG ", "COLR", "bdat", "bloc"}

// outlinesOnly refuses a font whose glyphs may be pictures.
func outlinesOnly(tables map[string][]byte) error {
	for _, bad := range pictureTables {
		if _, ok := tables[bad]; ok {
			return fmt.Errorf("the font draws glyphs as pictures (its %q table); upload a font of outlines (TTF or OTF)", bad)
		}
	}
	return nil
}
