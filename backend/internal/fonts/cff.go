package fonts

import (
	"errors"
	"fmt"

	ps "github.com/go-text/typesetting/font/cff/interpreter"
)

// maxSubrs bounds the subroutines go-text keeps a slice header for (24
// bytes each) when it loads a CFF table: the global ones plus each font
// dict's local ones, counted per dict as go-text reads them (dicts sharing
// one INDEX are counted again). An INDEX holds at most 65,535; a real CID
// font has a few dozen dicts of a few hundred each. 2^20 is 24 MB.
const maxSubrs = 1 << 20

// maxFontDicts is the most font dicts a CID font's FDSelect can reach: it
// names a dict with one byte.
const maxFontDicts = 256

// cffFont is what measuring a CFF table's glyphs needs, read in place: the
// charstrings, the global subroutines, each font dict's local subroutines
// and, for a CID font, which dict each glyph uses.
type cffFont struct {
	charstrings index
	gsubrs      [][]byte
	locals      []index // one per font dict; one for a font that is not CID
	fdOf        []uint8 // the font dict of each glyph (all 0 when not CID)
	inRange     []bool  // false for a glyph FDSelect gives no dict (go-text draws it empty)
}

// readCFF reads the 'CFF ' table's header, Name, Top DICT, String and
// Global Subr INDEXes, the CharStrings INDEX and the Private DICTs' Subrs
// (through the FDArray and FDSelect for a CID font). It refuses what
// go-text would read past or allocate without bound.
func readCFF(b []byte) (*cffFont, error) {
	if len(b) < 4 || b[0] != 1 || b[1] != 0 || b[2] != 4 {
		return nil, errors.New("the font's CFF table is of a version this server does not read")
	}
	p := 4
	var names, tops, gsubrs index
	var err error
	for _, x := range []*index{&names, &tops, nil, &gsubrs} {
		var it index
		if it, p, err = readIndex(b, p); err != nil {
			return nil, err
		}
		if x != nil {
			*x = it
		}
	}
	if names.count != 1 || tops.count != 1 {
		return nil, errors.New("the font's CFF table holds other than one font")
	}
	var top dict
	if err := top.read(tops.item(0), ps.TopDict); err != nil {
		return nil, err
	}
	c := &cffFont{gsubrs: gsubrs.items()}
	if c.charstrings, _, err = readIndex(b, top.charStrings); err != nil {
		return nil, err
	}
	n := c.charstrings.count
	c.fdOf, c.inRange = make([]uint8, n), make([]bool, n)
	for g := range c.inRange {
		c.inRange[g] = true
	}
	privates := []dict{top}
	if top.cid {
		if privates, err = fontDicts(b, top.fdArray); err != nil {
			return nil, err
		}
		if err := c.readFDSelect(b, top.fdSelect, len(privates)); err != nil {
			return nil, err
		}
	}
	total := gsubrs.count
	for _, d := range privates {
		subrs, err := d.localSubrs(b)
		if err != nil {
			return nil, err
		}
		c.locals = append(c.locals, subrs)
		if total += subrs.count; total > maxSubrs {
			return nil, fmt.Errorf("the font's CFF table holds more than %d subroutines in all", maxSubrs)
		}
	}
	return c, nil
}

// fontDicts reads a CID font's FDArray: an INDEX of DICTs, each naming its
// Private DICT.
func fontDicts(b []byte, at int) ([]dict, error) {
	fds, _, err := readIndex(b, at)
	if err != nil {
		return nil, err
	}
	if fds.count == 0 || fds.count > maxFontDicts {
		return nil, fmt.Errorf("the font's CFF table has %d font dicts, not 1 to %d", fds.count, maxFontDicts)
	}
	out := make([]dict, fds.count)
	for i := range out {
		if err := out[i].read(fds.item(i), ps.TopDict); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readFDSelect reads which font dict each glyph uses (formats 0 and 3, the
// ones CFF defines), looking a glyph up as go-text does, and refuses a dict
// past the FDArray's nd anywhere in it, as go-text does.
func (c *cffFont) readFDSelect(b []byte, at, nd int) error {
	n := len(c.fdOf)
	if at <= 0 || at >= len(b) {
		return errors.New("the font's CFF FDSelect lies outside the table")
	}
	s, short := b[at:], errors.New("the font's CFF FDSelect is cut short")
	switch s[0] {
	case 0:
		if len(s) < 1+n {
			return short
		}
		copy(c.fdOf, s[1:1+n])
	case 3:
		if len(s) < 3 || len(s) < 3+3*int(be.Uint16(s[1:]))+2 {
			return short
		}
		ranges := s[3 : 3+3*int(be.Uint16(s[1:]))+2] // the ranges, then the sentinel
		for r := 0; r+3 <= len(ranges); r += 3 {
			if int(ranges[r+2]) >= nd {
				return fmt.Errorf("the font's CFF FDSelect names font dict %d of %d", ranges[r+2], nd)
			}
		}
		for g := range c.fdOf {
			c.fdOf[g], c.inRange[g] = fdSelect3(ranges, g)
		}
	default:
		return fmt.Errorf("the font's CFF FDSelect is of format %d, which this server does not read", s[0])
	}
	for _, fd := range c.fdOf {
		if int(fd) >= nd {
			return fmt.Errorf("the font's CFF FDSelect names font dict %d of %d", fd, nd)
		}
	}
	return nil
}

// fdSelect3 finds glyph g's font dict in FDSelect format 3's ranges (3
// bytes each, then a 2-byte sentinel) by go-text's binary search, so that
// even unsorted ranges give the dict go-text will use; ok is false for a
// glyph in no range.
func fdSelect3(ranges []byte, g int) (fd uint8, ok bool) {
	count := len(ranges) / 3
	lo, hi := 0, count
	for lo < hi {
		i := (lo + hi) / 2
		if g < int(be.Uint16(ranges[3*i:])) {
			hi = i
			continue
		}
		if end := int(be.Uint16(ranges[3*i+3:])); end <= g { // the next first, or the sentinel
			lo = i + 1
			continue
		}
		return ranges[3*i+2], true
	}
	return 0, false
}
