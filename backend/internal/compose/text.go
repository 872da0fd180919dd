package compose

import (
	"context"
	"strings"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// paragraph is a text set in one font at one pixel size and wrapped to a
// width, with go-text/typesetting: HarfBuzz shaping (kerning, ligatures,
// marks), script and bidi segmentation, and UAX#14 line breaking. It was
// chosen over fogleman/gg, which places glyphs one by one without shaping
// or kerning pairs beyond the basic table, and over tdewolff/canvas, whose
// releases are pseudo-versions only; go-text is what Gio and Fyne use.
type paragraph struct {
	lines  []shaping.Line
	widths []int
	size   int
	ascent int
	lineH  int
}

// height is the paragraph's height in pixels.
func (p paragraph) height() int { return len(p.lines) * p.lineH }

// width is the widest line's width.
func (p paragraph) width() int {
	w := 0
	for _, lw := range p.widths {
		w = max(w, lw)
	}
	return w
}

// setText shapes and wraps text at size pixels to maxWidth, each line
// break starting a new line. It reports false when a word alone is wider
// than maxWidth (words are never broken). leading is the line height as a
// multiple of the size. It checks ctx before each line of the text.
func setText(ctx context.Context, ft *font.Font, text string, size, maxWidth int, leading float64) (paragraph, bool, error) {
	p := paragraph{size: size, lineH: int(float64(size)*leading + 0.5)}
	face := font.NewFace(ft)
	ok := true
	for _, para := range strings.FieldsFunc(text, isBreak) {
		if err := ctx.Err(); err != nil {
			return p, false, err
		}
		runes := []rune(strings.TrimSpace(para))
		if len(runes) == 0 {
			continue
		}
		lines, widths, ascent, fits := wrap(face, runes, size, maxWidth)
		p.lines, p.widths = append(p.lines, lines...), append(p.widths, widths...)
		p.ascent, ok = max(p.ascent, ascent), ok && fits
	}
	return p, ok, nil
}

// isBreak reports whether r ends a line: LF, CR, NEL, and the Unicode line
// and paragraph separators.
func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// wrap shapes one paragraph (no line breaks in it: go-text's wrapper does
// not take them) and wraps it to maxWidth.
func wrap(face *font.Face, runes []rune, size, maxWidth int) (lines []shaping.Line, widths []int, ascent int, ok bool) {
	in := shaping.Input{Text: runes, RunStart: 0, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face, Size: fixed.I(size)}
	var seg shaping.Segmenter
	var shaper shaping.HarfbuzzShaper
	var outs []shaping.Output
	for _, run := range seg.Split(in, single{face}) {
		outs = append(outs, shaper.Shape(run))
	}
	var wrapper shaping.LineWrapper
	lines, _ = wrapper.WrapParagraph(shaping.WrapConfig{BreakPolicy: shaping.Never}, maxWidth, runes, shaping.NewSliceIterator(outs))
	ok = true
	for _, line := range lines {
		w := fixed.Int26_6(0)
		for _, run := range line {
			w += run.Advance
			ascent = max(ascent, run.LineBounds.Ascent.Ceil())
		}
		widths = append(widths, w.Ceil())
		ok = ok && w.Ceil() <= maxWidth
	}
	return lines, widths, ascent, ok
}

// single is a font map of one face: every rune is set in it.
type single struct{ face *font.Face }

// ResolveFace returns the one face.
func (s single) ResolveFace(rune) *font.Face { return s.face }
