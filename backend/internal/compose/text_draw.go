package compose

import (
	"context"
	"image"
	"image/color"

	"github.com/go-text/render"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// draw sets the paragraph into img in colour c, its top-left at (x, y),
// each line centred in width w. It checks ctx before each glyph and returns
// its error, the paragraph then part drawn.
func (p paragraph) draw(ctx context.Context, img *image.RGBA, x, y, w int, c color.Color) error {
	r := render.Renderer{FontSize: float32(p.size), Color: c}
	for i, line := range p.lines {
		base := y + i*p.lineH + p.ascent + (p.lineH-p.size)/2
		dot := fixed.I(x + (w-p.widths[i])/2)
		for _, run := range line {
			for _, g := range run.Glyphs {
				if err := ctx.Err(); err != nil {
					return err
				}
				drawGlyph(&r, run, g, img, dot, base)
				dot += g.Advance
			}
		}
	}
	return nil
}

// drawGlyph draws one glyph of run with its dot at (dot, base), through a
// window of img around the glyph's ink: go-text's renderer rasterises and
// composites over the whole of the image it is given, which for a glyph
// at a time would cost a full-size pass each. The dot's fraction of a pixel
// is passed as an offset, so glyphs sit exactly where the run places them.
func drawGlyph(r *render.Renderer, run shaping.Output, g shaping.Glyph, img *image.RGBA, dot fixed.Int26_6, base int) {
	margin := fixed.I(int(r.FontSize)/8 + 2) // the ink's edges, antialiased, and a shaper's rounding
	left := dot + g.XOffset + g.XBearing
	top := fixed.I(base) - g.YOffset - g.YBearing
	ink := image.Rect((left - margin).Floor(), (top - margin).Floor(),
		(left + g.Width + margin).Ceil(), (top - g.Height + margin).Ceil())
	win, ok := img.SubImage(ink.Canon()).(*image.RGBA)
	if !ok || win.Rect.Empty() {
		return
	}
	ix := dot.Floor()
	g.XOffset += dot - fixed.I(ix)
	run.Glyphs = []shaping.Glyph{g}
	r.DrawShapedRunAt(run, win, ix-win.Rect.Min.X, base-win.Rect.Min.Y)
}
