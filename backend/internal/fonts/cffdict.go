package fonts

import (
	"errors"
	"fmt"

	ps "github.com/go-text/typesetting/font/cff/interpreter"
)

// index is a CFF INDEX read in place: count items, whose offsets (off
// bytes each, one more than the items) precede their data.
type index struct {
	count, off int
	offsets    []byte
	data       []byte
}

// readIndex reads the INDEX at b[at:] and where it ends, checking its
// offsets as go-text does: non-zero, never decreasing, inside the table.
// Like go-text it takes the first item to start at the data's start.
func readIndex(b []byte, at int) (index, int, error) {
	short := errors.New("the font's CFF table has an INDEX cut short")
	if at < 0 || at+2 > len(b) {
		return index{}, 0, short
	}
	x := index{count: int(be.Uint16(b[at:]))}
	if x.count == 0 {
		return x, at + 2, nil
	}
	if at+3 > len(b) {
		return index{}, 0, short
	}
	if x.off = int(b[at+2]); x.off < 1 || x.off > 4 {
		return index{}, 0, fmt.Errorf("the font's CFF table has an INDEX of offset size %d", x.off)
	}
	start := at + 3 + (x.count+1)*x.off
	if start > len(b) {
		return index{}, 0, short
	}
	x.offsets, x.data = b[at+3:start], b[start:]
	prev := 0
	for i := 1; i <= x.count; i++ {
		end := x.at(i)
		if end < prev || end > len(x.data) {
			return index{}, 0, errors.New("the font's CFF table has an INDEX whose offsets are out of order")
		}
		prev = end
	}
	x.data = x.data[:prev]
	return x, start + prev, nil
}

// at is where item i ends (and item i+1 starts) in the data; -1 for a zero
// offset, which readIndex refuses.
func (x index) at(i int) int {
	v := 0
	for _, c := range x.offsets[i*x.off : (i+1)*x.off] {
		v = v<<8 | int(c)
	}
	return v - 1
}

// item is item i's bytes.
func (x index) item(i int) []byte {
	start := 0
	if i > 0 {
		start = x.at(i)
	}
	return x.data[start:x.at(i+1)]
}

// items lists every item, as the interpreter takes subroutines.
func (x index) items() [][]byte {
	out := make([][]byte, x.count)
	for i := range out {
		out[i] = x.item(i)
	}
	return out
}

// dict holds the few DICT entries measuring needs.
type dict struct {
	ctx                        ps.Context
	charStrings, subrs         int
	fdArray, fdSelect          int
	privateSize, privateOffset int
	cid                        bool
}

// dictPops is how many operands go-text pops after each Top DICT operator
// (-1 for all of them); it leaves the rest on the stack for the next, so
// an entry read here must be read with the same stack. An operator not
// listed makes go-text drop the whole CFF table.
var dictPops = map[ps.Context]map[ps.Operator]int{
	ps.TopDict: {
		{Operator: 0}: 1, {Operator: 1}: 1, {Operator: 2}: 1, {Operator: 3}: 1, {Operator: 4}: 1,
		{Operator: 5}: -1, {Operator: 13}: 1, {Operator: 14}: -1, {Operator: 15}: 1, {Operator: 16}: 1,
		{Operator: 17}: 1, {Operator: 18}: 2,
		{Operator: 0, IsEscaped: true}: 1, {Operator: 1, IsEscaped: true}: 1, {Operator: 2, IsEscaped: true}: 1,
		{Operator: 3, IsEscaped: true}: 1, {Operator: 4, IsEscaped: true}: 1, {Operator: 5, IsEscaped: true}: 1,
		{Operator: 6, IsEscaped: true}: 1, {Operator: 7, IsEscaped: true}: -1, {Operator: 8, IsEscaped: true}: 1,
		{Operator: 20, IsEscaped: true}: 1, {Operator: 21, IsEscaped: true}: 1, {Operator: 22, IsEscaped: true}: 1,
		{Operator: 23, IsEscaped: true}: -1, {Operator: 30, IsEscaped: true}: 3, {Operator: 31, IsEscaped: true}: 1,
		{Operator: 32, IsEscaped: true}: 1, {Operator: 33, IsEscaped: true}: 1, {Operator: 34, IsEscaped: true}: 1,
		{Operator: 35, IsEscaped: true}: 1, {Operator: 36, IsEscaped: true}: 1, {Operator: 37, IsEscaped: true}: 1,
		{Operator: 38, IsEscaped: true}: 1,
	},
	ps.PrivateDict: {
		{Operator: 6}: -1, {Operator: 7}: -1, {Operator: 8}: -1, {Operator: 9}: -1, {Operator: 10}: 1,
		{Operator: 11}: 1, {Operator: 19}: 1, {Operator: 20}: 1, {Operator: 21}: 1,
		{Operator: 9, IsEscaped: true}: 1, {Operator: 10, IsEscaped: true}: 1, {Operator: 11, IsEscaped: true}: 1,
		{Operator: 12, IsEscaped: true}: -1, {Operator: 13, IsEscaped: true}: -1, {Operator: 14, IsEscaped: true}: 1,
		{Operator: 17, IsEscaped: true}: 1, {Operator: 18, IsEscaped: true}: 1, {Operator: 19, IsEscaped: true}: 1,
	},
}

// read runs a DICT's operators through the go-text interpreter.
func (d *dict) read(b []byte, ctx ps.Context) error {
	d.ctx = ctx
	var m ps.Machine
	if err := m.Run(b, nil, nil, d); err != nil {
		return fmt.Errorf("the font's CFF table has a DICT this server cannot read: %v", err)
	}
	return nil
}

// Context says which DICT is being read.
func (d *dict) Context() ps.Context { return d.ctx }

// Apply records the entries measuring needs from the operands on top of
// the stack, then pops what go-text pops.
func (d *dict) Apply(m *ps.Machine, op ps.Operator) error {
	pops, known := dictPops[d.ctx][op]
	if !known {
		return fmt.Errorf("unknown operator %v", op)
	}
	top := int(m.ArgStack.Top)
	if top < pops {
		return fmt.Errorf("operator %v lacks operands", op)
	}
	arg := func(i int) int { return int(m.ArgStack.Vals[top-i]) }
	switch {
	case d.ctx == ps.PrivateDict && op == ps.Operator{Operator: 19}:
		d.subrs = arg(1)
	case d.ctx == ps.PrivateDict:
	case op == ps.Operator{Operator: 17}:
		d.charStrings = arg(1)
	case op == ps.Operator{Operator: 18}:
		d.privateSize, d.privateOffset = arg(2), arg(1)
	case op == ps.Operator{Operator: 30, IsEscaped: true}:
		d.cid = true
	case op == ps.Operator{Operator: 36, IsEscaped: true}:
		d.fdArray = arg(1)
	case op == ps.Operator{Operator: 37, IsEscaped: true}:
		d.fdSelect = arg(1)
	}
	return m.ArgStack.PopN(int32(pops))
}

// maxPrivateDict bounds a Private DICT's bytes: up to 256 font dicts may
// name the same one, and go-text reads it for each. A real one holds a few
// dozen numbers, under 1 KB.
const maxPrivateDict = 8 << 10

// localSubrs reads the Subrs INDEX a Private DICT names (none when the
// dict names no Private DICT or no Subrs, as go-text reads it).
func (d dict) localSubrs(b []byte) (index, error) {
	if d.privateSize == 0 {
		return index{}, nil
	}
	if d.privateSize > maxPrivateDict {
		return index{}, fmt.Errorf("the font's CFF Private DICT is %d bytes, more than the %d this server reads", d.privateSize, maxPrivateDict)
	}
	if d.privateOffset < 0 || d.privateSize < 0 || d.privateOffset+d.privateSize > len(b) {
		return index{}, errors.New("the font's CFF Private DICT lies outside the table")
	}
	var priv dict
	if err := priv.read(b[d.privateOffset:d.privateOffset+d.privateSize], ps.PrivateDict); err != nil {
		return index{}, err
	}
	if priv.subrs == 0 {
		return index{}, nil
	}
	subrs, _, err := readIndex(b, d.privateOffset+priv.subrs)
	return subrs, err
}
