package imaging

import (
	"bytes"
	"image/color"
	"image/png"

	"github.com/fogleman/gg"
)

// SampleProduct draws the product photo of the photo starter: a red canvas
// sneaker on a light studio background, 768x768, so that starter runs with
// no upload (and is obviously a drawing, not someone's product).
func SampleProduct() ([]byte, error) {
	const size = 768
	dc := gg.NewContext(size, size)
	bg := gg.NewRadialGradient(size/2, size/2, 40, size/2, size/2, size*0.75)
	bg.AddColorStop(0, color.RGBA{250, 250, 248, 255})
	bg.AddColorStop(1, color.RGBA{214, 216, 222, 255})
	dc.SetFillStyle(bg)
	dc.DrawRectangle(0, 0, size, size)
	dc.Fill()
	dc.SetColor(color.RGBA{0, 0, 0, 40}) // shadow
	dc.DrawEllipse(384, 560, 280, 26)
	dc.Fill()
	dc.SetColor(color.RGBA{205, 32, 44, 255}) // upper
	dc.MoveTo(130, 520)
	dc.CubicTo(140, 420, 230, 330, 330, 320)
	dc.CubicTo(380, 318, 410, 360, 470, 380)
	dc.CubicTo(560, 410, 650, 430, 660, 500)
	dc.LineTo(660, 525)
	dc.LineTo(130, 525)
	dc.ClosePath()
	dc.Fill()
	dc.SetColor(color.RGBA{248, 248, 246, 255}) // sole
	dc.DrawRoundedRectangle(118, 515, 556, 44, 20)
	dc.Fill()
	dc.SetColor(color.RGBA{180, 180, 178, 255})
	dc.SetLineWidth(3)
	dc.DrawLine(130, 540, 662, 540)
	dc.Stroke()
	dc.SetColor(color.RGBA{255, 255, 255, 230}) // laces
	dc.SetLineWidth(7)
	for i := range 4 {
		x := 300 + float64(i)*38
		dc.DrawLine(x, 350+float64(i)*8, x+34, 372+float64(i)*8)
		dc.Stroke()
	}
	dc.SetColor(color.RGBA{255, 255, 255, 255}) // toe cap
	dc.DrawEllipse(610, 505, 50, 20)
	dc.Fill()
	var buf bytes.Buffer
	if err := png.Encode(&buf, dc.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
