package imaging

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/gofont/gobold"
)

// PreviewLabel is the small mark every preview carries in its top right
// corner, so no one takes it for a generated picture.
const PreviewLabel = "PREVIEW"

// previewLabelShare is the label's height as a share of the picture's
// short side, and its inset from the corner: small, and in a corner that
// every placement's safe zone and every layout's margin keep clear.
const previewLabelShare, previewInsetShare = 0.022, 0.012

// Preview draws a deterministic placeholder for a generation when no FAL
// key is configured: a quiet, photo-like scene (a wall and a surface in
// soft tones, out-of-focus lights and a soft object with its shadow) that
// varies with the prompt, the model and the image's index, so a layout can
// be judged on it, and a small PREVIEW label in the top right corner. The
// prompt is not drawn: the manifest and the gallery's caption carry it.
func Preview(prompt, model string, index, width, height int) ([]byte, error) {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s|%d", prompt, model, index)
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	dc := gg.NewContext(width, height)
	w, ht := float64(width), float64(height)
	hueDeg := rng.Float64() * 360
	wall := hsl(hueDeg, 0.18+rng.Float64()*0.12, 0.78+rng.Float64()*0.1)
	horizon := ht * (0.58 + rng.Float64()*0.12)
	// The wall: lighter towards where the light comes from.
	light := rng.Float64()
	sky := gg.NewLinearGradient(w*light, 0, w*(1-light), horizon)
	sky.AddColorStop(0, shade(wall, 1.08))
	sky.AddColorStop(1, shade(wall, 0.92))
	dc.SetFillStyle(sky)
	dc.DrawRectangle(0, 0, w, horizon)
	dc.Fill()
	// The surface: another tone of the same family, darker towards the viewer.
	surface := hsl(math.Mod(hueDeg+20+rng.Float64()*40, 360), 0.2+rng.Float64()*0.15, 0.55+rng.Float64()*0.15)
	floor := gg.NewLinearGradient(0, horizon, 0, ht)
	floor.AddColorStop(0, shade(surface, 1.1))
	floor.AddColorStop(1, shade(surface, 0.8))
	dc.SetFillStyle(floor)
	dc.DrawRectangle(0, horizon, w, ht-horizon)
	dc.Fill()
	short := math.Min(w, ht)
	// Out-of-focus lights on the wall.
	for range 3 + rng.IntN(3) {
		softDisc(dc, rng.Float64()*w, rng.Float64()*horizon*0.9, short*(0.08+rng.Float64()*0.18), color.NRGBA{255, 255, 255, uint8(40 + rng.IntN(50))})
	}
	// A soft object standing on the surface, with its shadow.
	cx := w * (0.3 + rng.Float64()*0.4)
	ow, oh := short*(0.16+rng.Float64()*0.12), short*(0.22+rng.Float64()*0.2)
	softShadow(dc, cx, horizon+oh*0.08, ow*0.95)
	obj := hsl(math.Mod(hueDeg+150+rng.Float64()*60, 360), 0.35, 0.45+rng.Float64()*0.2)
	body := gg.NewLinearGradient(cx-ow/2, 0, cx+ow/2, 0)
	body.AddColorStop(0, shade(obj, 1.15))
	body.AddColorStop(1, shade(obj, 0.8))
	dc.SetFillStyle(body)
	dc.DrawRoundedRectangle(cx-ow/2, horizon-oh+oh*0.08, ow, oh, ow*0.3)
	dc.Fill()
	if err := previewMark(dc, w, short); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, dc.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// previewMark draws PreviewLabel small on a dark pill in the top right
// corner.
func previewMark(dc *gg.Context, w, short float64) error {
	bold, err := truetype.Parse(gobold.TTF)
	if err != nil {
		return err
	}
	size := math.Max(7, short*previewLabelShare)
	dc.SetFontFace(truetype.NewFace(bold, &truetype.Options{Size: size}))
	tw, th := dc.MeasureString(PreviewLabel)
	pad, inset := size*0.45, math.Max(2, short*previewInsetShare)
	x, y := w-inset-tw-2*pad, inset
	dc.SetColor(color.NRGBA{15, 23, 42, 170})
	dc.DrawRoundedRectangle(x, y, tw+2*pad, th+2*pad, (th+2*pad)/2)
	dc.Fill()
	dc.SetColor(color.NRGBA{255, 255, 255, 235})
	dc.DrawStringAnchored(PreviewLabel, x+pad+tw/2, y+pad+th/2, 0.5, 0.5)
	return nil
}

// softDisc draws a disc of colour c fading to nothing at radius r: an
// out-of-focus light, or a shadow.
func softDisc(dc *gg.Context, x, y, r float64, c color.NRGBA) {
	g := gg.NewRadialGradient(x, y, 0, x, y, r)
	g.AddColorStop(0, c)
	g.AddColorStop(0.6, color.NRGBA{c.R, c.G, c.B, c.A / 2})
	g.AddColorStop(1, color.NRGBA{c.R, c.G, c.B, 0})
	dc.SetFillStyle(g)
	dc.DrawCircle(x, y, r)
	dc.Fill()
}

// softShadow draws an object's shadow on the surface: flat ellipses
// stacked, darkest under the object, fading out to radius r.
func softShadow(dc *gg.Context, x, y, r float64) {
	const steps = 32
	dc.SetColor(color.NRGBA{0, 0, 0, 6})
	for i := range steps {
		rr := r * (1 - float64(i)/steps)
		dc.DrawEllipse(x, y, rr, rr*0.16)
		dc.Fill()
	}
}

// hsl is a colour from hue (degrees), saturation and lightness (0-1).
func hsl(h, s, l float64) color.RGBA {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	return color.RGBA{to8(r + m), to8(g + m), to8(b + m), 255}
}

// shade scales a colour's channels by f, within 0-255.
func shade(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{to8(float64(c.R) / 255 * f), to8(float64(c.G) / 255 * f), to8(float64(c.B) / 255 * f), 255}
}

// to8 is a 0-1 channel as a byte, clamped.
func to8(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
