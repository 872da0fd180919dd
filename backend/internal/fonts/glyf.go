package fonts

import "fmt"

// The bounds on a TrueType glyph, measured before go-text reads the glyf
// table. go-text expands a composite glyph into one slice of points,
// walking every component reference again (a glyph using a sibling K times
// at each of 20 levels is K^20 points), and reads every simple glyph's
// points at load, allocating the count the glyph declares before checking
// its bytes hold them.
const (
	// maxGlyphPoints bounds the points a glyph expands to: maxp's
	// maxPoints and maxCompositePoints are uint16, so no glyph of a valid
	// font has more (real ones have a few hundred; HarfBuzz stops at 200,000).
	maxGlyphPoints = 65535
	// maxComponentDepth bounds how deeply components nest (maxp's
	// maxComponentDepth; 1 for an accent on a letter). Real fonts nest 4 at
	// most; go-text stops silently at 20, HarfBuzz at 64.
	maxComponentDepth = 8
	// maxComponentRefs bounds the component references a glyph expands to,
	// counting every repeat: each costs go-text a walk and allocations even
	// when it adds no points. It is HarfBuzz's HB_MAX_GRAPH_EDGE_COUNT of
	// 2022-2024; a real composite references a handful.
	maxComponentRefs = 2048
)

// Composite component flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	weHaveAScale   = 0x0008
	moreComponents = 0x0020
	weHaveXYScale  = 0x0040
	weHaveTwoByTwo = 0x0080
)

// glyphCost is what one glyph expands to: its points, how deeply its
// components nest (0 for a simple glyph) and its component references.
type glyphCost struct {
	points, refs uint32
	depth        int
}

// glyfMeasure measures every glyph of a glyf table once (memoised), never
// expanding one: counts are summed saturating just past each bound.
type glyfMeasure struct {
	glyf  []byte
	loca  []uint32 // numGlyphs+1 offsets into glyf
	state []uint8  // 0 unseen, 1 being measured (a cycle if met again), 2 done
	cost  []glyphCost
}

// checkGlyf refuses a font one of whose TrueType glyphs expands past the
// bounds above, nests components in a cycle, or declares more points than
// its bytes could hold (a real point takes at least a byte).
func checkGlyf(tables map[string][]byte) error {
	glyf, hasGlyf := tables["glyf"]
	loca, hasLoca := tables["loca"]
	if !hasGlyf || !hasLoca {
		return nil // go-text reads no TrueType outlines without both
	}
	head, maxp := tables["head"], tables["maxp"]
	if len(head) < 54 || len(maxp) < 6 {
		return fmt.Errorf("%w: its head or maxp table is missing or cut short", errNotFont)
	}
	n := int(be.Uint16(maxp[4:]))
	long := int16(be.Uint16(head[50:])) == 1 // indexToLocFormat, as go-text reads it
	m := &glyfMeasure{glyf: glyf, loca: make([]uint32, n+1), state: make([]uint8, n), cost: make([]glyphCost, n)}
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return fmt.Errorf("%w: its loca table is shorter than its %d glyphs", errNotFont, n)
	}
	for i := range m.loca {
		if long {
			m.loca[i] = be.Uint32(loca[4*i:])
		} else {
			m.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		}
		if i > 0 && (m.loca[i] < m.loca[i-1] || int(m.loca[i]) > len(glyf)) {
			return fmt.Errorf("%w: its glyph %d lies outside the glyf table", errNotFont, i-1)
		}
	}
	for g := range n {
		if _, err := m.measure(g, g, 0); err != nil {
			return err
		}
	}
	return nil
}

// measure returns glyph g's cost, reached at level levels of nesting
// below root (the glyph whose measuring began the walk, named in errors).
func (m *glyfMeasure) measure(root, g, level int) (glyphCost, error) {
	if g >= len(m.state) {
		return glyphCost{}, nil // go-text draws a missing component as nothing
	}
	switch m.state[g] {
	case 2:
		return m.cost[g], nil
	case 1:
		return glyphCost{}, fmt.Errorf("the font's glyph %d uses itself as a component (through glyph %d)", g, root)
	}
	if level > maxComponentDepth {
		return glyphCost{}, depthError(root)
	}
	m.state[g] = 1
	c, err := m.expand(root, g, level)
	if err != nil {
		return c, err
	}
	m.state[g], m.cost[g] = 2, c
	return c, nil
}

// expand measures glyph g from its own bytes and its components' costs.
func (m *glyfMeasure) expand(root, g, level int) (glyphCost, error) {
	b := m.glyf[m.loca[g]:m.loca[g+1]]
	if len(b) == 0 {
		return glyphCost{}, nil // an empty glyph (a space)
	}
	if len(b) < 10 {
		return glyphCost{}, malformed(g)
	}
	contours := int(int16(be.Uint16(b)))
	if contours >= 0 {
		return simpleCost(g, b, contours)
	}
	var c glyphCost
	for p := 10; ; {
		if len(b) < p+4 {
			return c, malformed(g)
		}
		flags, child := be.Uint16(b[p:]), int(be.Uint16(b[p+2:]))
		p += 4 + componentArgs(flags)
		if len(b) < p {
			return c, malformed(g)
		}
		cc, err := m.measure(root, child, level+1)
		if err != nil {
			return c, err
		}
		c.points = saturate(c.points+cc.points, maxGlyphPoints)
		c.refs = saturate(c.refs+cc.refs+1, maxComponentRefs)
		c.depth = max(c.depth, cc.depth+1)
		switch {
		case c.points > maxGlyphPoints:
			return c, fmt.Errorf("the font's glyph %d expands to more than %d points, the most a TrueType glyph may have", g, maxGlyphPoints)
		case c.refs > maxComponentRefs:
			return c, fmt.Errorf("the font's glyph %d expands to more than %d component references (real fonts use a handful)", g, maxComponentRefs)
		case c.depth > maxComponentDepth:
			return c, depthError(g)
		}
		if flags&moreComponents == 0 {
			return c, nil
		}
	}
}

// componentArgs is the bytes a component record holds after its flags and
// glyph index: two arguments, then its scale or matrix.
func componentArgs(flags uint16) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&weHaveAScale != 0:
		n += 2
	case flags&weHaveXYScale != 0:
		n += 4
	case flags&weHaveTwoByTwo != 0:
		n += 8
	}
	return n
}

// simpleCost reads a simple glyph's point count from its last contour's
// end, refusing more points than the glyph has bytes: go-text allocates
// them all before checking the flags and coordinates are there, and a
// point of a real outline costs at least a byte (a flag or a coordinate).
func simpleCost(g int, b []byte, contours int) (glyphCost, error) {
	if contours == 0 {
		return glyphCost{}, nil
	}
	if len(b) < 10+2*contours {
		return glyphCost{}, malformed(g)
	}
	points := uint32(be.Uint16(b[10+2*(contours-1):])) + 1
	if points > maxGlyphPoints {
		return glyphCost{}, fmt.Errorf("the font's glyph %d has more than %d points, the most a TrueType glyph may have", g, maxGlyphPoints)
	}
	if int(points) > len(b) {
		return glyphCost{}, fmt.Errorf("the font's glyph %d declares %d points in %d bytes, more than its bytes can hold", g, points, len(b))
	}
	return glyphCost{points: points}, nil
}

// saturate caps v just past limit, so sums of capped values cannot wrap.
func saturate(v, limit uint32) uint32 { return min(v, limit+1) }

// depthError says glyph g nests its components too deeply.
func depthError(g int) error {
	return fmt.Errorf("the font's glyph %d nests components more than %d deep (real fonts nest 4 at most)", g, maxComponentDepth)
}

// malformed says glyph g's bytes do not hold what its header declares.
func malformed(g int) error {
	return fmt.Errorf("%w: its glyph %d is cut short", errNotFont, g)
}
