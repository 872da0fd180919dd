package imaging

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image/color"
	"image/png"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Preview draws a deterministic placeholder for a generation when no FAL
// key is configured: a gradient seeded by the prompt, the prompt itself, and
// a clear "PREVIEW" label, at the requested size.
func Preview(prompt, model string, index, width, height int) ([]byte, error) {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s|%s|%d", prompt, model, index)
	seed := h.Sum32()
	dc := gg.NewContext(width, height)
	grad := gg.NewLinearGradient(0, 0, float64(width), float64(height))
	grad.AddColorStop(0, hue(seed, 0.55))
	grad.AddColorStop(1, hue(seed>>8, 0.35))
	dc.SetFillStyle(grad)
	dc.DrawRectangle(0, 0, float64(width), float64(height))
	dc.Fill()

	unit := float64(min(width, height)) / 20
	bold, _ := truetype.Parse(gobold.TTF)
	regular, _ := truetype.Parse(goregular.TTF)
	dc.SetFontFace(truetype.NewFace(bold, &truetype.Options{Size: unit * 1.2}))
	dc.SetColor(color.RGBA{255, 255, 255, 235})
	dc.DrawStringAnchored("PREVIEW · no FAL_KEY", float64(width)/2, unit*1.6, 0.5, 0.5)
	dc.SetFontFace(truetype.NewFace(regular, &truetype.Options{Size: unit * 0.7}))
	dc.DrawStringAnchored(fmt.Sprintf("%s · image %d · %dx%d", model, index+1, width, height), float64(width)/2, unit*2.8, 0.5, 0.5)
	dc.SetFontFace(truetype.NewFace(regular, &truetype.Options{Size: unit}))
	text := prompt
	if len(text) > 400 {
		text = text[:400] + "…"
	}
	dc.DrawStringWrapped(text, float64(width)/2, float64(height)/2, 0.5, 0.5, float64(width)-2*unit, 1.4, gg.AlignCenter)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dc.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// hue picks a saturated color from a seed.
func hue(seed uint32, light float64) color.Color {
	r := uint8(40 + seed%150)
	g := uint8(40 + (seed/7)%150)
	b := uint8(90 + (seed/13)%150)
	return color.RGBA{uint8(float64(r) * (0.5 + light)), uint8(float64(g) * (0.5 + light)), b, 255}
}
