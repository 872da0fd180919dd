package fonts

import (
	"errors"
	"fmt"

	ps "github.com/go-text/typesetting/font/cff/interpreter"
)

// The budgets a CFF font's charstrings run under when measured, counted in
// operations: each operator and each operand it is given. go-text's Type 2
// interpreter bounds subroutine nesting (10) but not the work done, so a
// charstring calling a subroutine that calls the next K times, nine deep,
// runs K^9 operators and keeps every segment they draw.
const (
	// maxGlyphOps bounds one glyph's operations, subroutines included.
	// Inter's busiest glyph runs 253, an emoji font's 8,751; HarfBuzz stops
	// a charstring at 200,000 operators (HB_CFF_MAX_OPS), a bound for loops.
	// Each segment drawn takes an operation at least (an operand, or
	// endchar closing the path), so this bounds a glyph's segments too.
	maxGlyphOps = 50_000
	// maxFontOps bounds all glyphs' operations together, so that checking
	// any upload takes well under a second: the cheapest operations a
	// hostile font can choose run 40 to 130 million a second on this 2-core
	// machine, so 0.1 to 0.25 s. Inter's 2,548 glyphs run 166,000, a 4 MB
	// emoji font's 1,837 run 2.1 million; a CJK font of 30,000 glyphs or
	// more may not fit.
	maxFontOps = 10_000_000
)

// errBudget stops the interpreter when a budget is spent.
var errBudget = errors.New("budget spent")

// checkCFF refuses a font one of whose CFF glyphs runs more than
// maxGlyphOps operations, or whose glyphs run more than maxFontOps in all.
// CFF2 is refused.
func checkCFF(tables map[string][]byte) error {
	if _, ok := tables["CFF2"]; ok {
		return errors.New("the font's outlines are CFF2 (variable PostScript outlines), which this server does not read; upload a static OTF or a TTF")
	}
	raw, ok := tables["CFF "]
	if !ok {
		return nil
	}
	c, err := readCFF(raw)
	if err != nil {
		return err
	}
	return c.measure()
}

// measure runs every glyph's charstring under the budgets, one font dict
// at a time so only that dict's subroutines are held as slices.
func (c *cffFont) measure() error {
	var (
		m     ps.Machine
		h     budget
		total int
	)
	for fd, local := range c.locals {
		subrs := local.items()
		for g := range c.charstrings.count {
			if !c.inRange[g] || int(c.fdOf[g]) != fd {
				continue
			}
			h.reset()
			err := m.Run(c.charstrings.item(g), subrs, c.gsubrs, &h)
			total += h.ops
			switch {
			case errors.Is(err, errBudget):
				return fmt.Errorf("the font's glyph %d runs more than %d charstring operations (operators and operands), the most this server allows a glyph", g, maxGlyphOps)
			case total > maxFontOps:
				return fmt.Errorf("the font's glyphs run more than %d charstring operations in all, the most this server allows a font", maxFontOps)
			}
		}
	}
	return nil
}

// budget runs a Type 2 charstring as go-text's type2CharstringHandler
// does (font/cff/charstring.go), counting operations, and stops when they
// pass maxGlyphOps. The segments drawn are dropped as they come: memory
// stays flat.
type budget struct {
	cs   ps.CharstringReader
	ops  int
	left int // the operands left on the stack after the last operator
}

// reset starts a glyph, keeping the segment buffer.
func (h *budget) reset() {
	h.cs, h.ops, h.left = ps.CharstringReader{Segments: h.cs.Segments[:0]}, 0, 0
}

// Context is a Type 2 charstring.
func (*budget) Context() ps.Context { return ps.Type2Charstring }

// Apply counts the operator and the operands pushed since the last one,
// runs it, and drops what it drew.
func (h *budget) Apply(m *ps.Machine, op ps.Operator) error {
	if h.ops += 1 + int(m.ArgStack.Top) - h.left; h.ops > maxGlyphOps {
		return errBudget
	}
	err := h.run(m, op)
	h.left, h.cs.Segments = int(m.ArgStack.Top), h.cs.Segments[:0]
	return err
}

// run is go-text's type2CharstringHandler.Apply without the width.
func (h *budget) run(m *ps.Machine, op ps.Operator) error {
	var err error
	if op.IsEscaped {
		switch op.Operator {
		case 34: // hflex
			err = h.cs.Hflex(m)
		case 35: // flex
			err = h.cs.Flex(m)
		case 36: // hflex1
			err = h.cs.Hflex1(m)
		case 37: // flex1
			err = h.cs.Flex1(m)
		default:
			err = fmt.Errorf("invalid operator %s in charstring", op)
		}
		m.ArgStack.Clear()
		return err
	}
	switch op.Operator {
	case 11: // return
		return m.Return()
	case 14: // endchar
		h.cs.ClosePath()
		return ps.ErrInterrupt
	case 10: // callsubr
		return ps.LocalSubr(m)
	case 29: // callgsubr
		return ps.GlobalSubr(m)
	case 19, 20: // hintmask, cntrmask: they skip their mask and clear the stack
		h.cs.Hintmask(m)
		return nil
	case 21:
		err = h.cs.Rmoveto(m)
	case 22:
		err = h.cs.Hmoveto(m)
	case 4:
		err = h.cs.Vmoveto(m)
	case 1, 18:
		h.cs.Hstem(m)
	case 3, 23:
		h.cs.Vstem(m)
	default:
		err = h.draw(m, op.Operator)
	}
	m.ArgStack.Clear()
	return err
}

// draw runs a line or curve operator.
func (h *budget) draw(m *ps.Machine, op byte) error {
	switch op {
	case 5:
		h.cs.Rlineto(m)
	case 6:
		h.cs.Hlineto(m)
	case 7:
		h.cs.Vlineto(m)
	case 8:
		h.cs.Rrcurveto(m)
	case 24:
		return h.cs.Rcurveline(m)
	case 25:
		return h.cs.Rlinecurve(m)
	case 26:
		h.cs.Vvcurveto(m)
	case 27:
		h.cs.Hhcurveto(m)
	case 30:
		h.cs.Vhcurveto(m)
	case 31:
		h.cs.Hvcurveto(m)
	default:
		return fmt.Errorf("invalid operator %s in charstring", ps.Operator{Operator: op})
	}
	return nil
}
