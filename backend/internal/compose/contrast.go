package compose

import (
	"image"
	"image/color"
	"math"
)

// MinContrast is WCAG 2's AA contrast for text (success criterion 1.4.3):
// 4.5:1 between the text's colour and what is behind it.
const MinContrast = 4.5

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// ratio is WCAG 2's contrast ratio of two luminances.
func ratio(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// Contrast is the contrast ratio of two colours.
func Contrast(a, b color.RGBA) float64 { return ratio(luminance(a), luminance(b)) }

// samples are the pixels of r in img, on a grid of at most about 4,000
// points, so measuring costs the same at any size.
func samples(img *image.RGBA, r image.Rectangle) []color.RGBA {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		return nil
	}
	step := max(1, int(math.Sqrt(float64(r.Dx()*r.Dy())/4000)))
	var out []color.RGBA
	for y := r.Min.Y; y < r.Max.Y; y += step {
		for x := r.Min.X; x < r.Max.X; x += step {
			out = append(out, img.RGBAAt(x, y))
		}
	}
	return out
}

// worst is the lowest contrast of text colour t against the pixels px,
// each first covered by scrim colour s at opacity a (a = 0: no scrim).
func worst(t color.RGBA, px []color.RGBA, s color.RGBA, a float64) float64 {
	lt := luminance(t)
	low := math.Inf(1)
	for _, p := range px {
		low = math.Min(low, ratio(lt, luminance(over(p, s, a))))
	}
	return low
}

// over is colour p covered by s at opacity a.
func over(p, s color.RGBA, a float64) color.RGBA {
	mix := func(b, f uint8) uint8 { return uint8(float64(f)*a + float64(b)*(1-a) + 0.5) }
	return color.RGBA{mix(p.R, s.R), mix(p.G, s.G), mix(p.B, s.B), 255}
}

// busyness is how much the luminance varies in r: text reads best where
// it is low.
func busyness(img *image.RGBA, r image.Rectangle) float64 {
	px := samples(img, r)
	if len(px) == 0 {
		return math.Inf(1)
	}
	var sum, sq float64
	for _, p := range px {
		l := luminance(p)
		sum, sq = sum+l, sq+l*l
	}
	n := float64(len(px))
	return math.Sqrt(math.Max(sq/n-(sum/n)*(sum/n), 0))
}

// White and Black are the text colours tried after the brand's.
var (
	White = color.RGBA{255, 255, 255, 255}
	Black = color.RGBA{17, 17, 17, 255}
)

// onColour is the text colour that reads best on background bg.
func onColour(bg color.RGBA) color.RGBA {
	if Contrast(White, bg) >= Contrast(Black, bg) {
		return White
	}
	return Black
}
