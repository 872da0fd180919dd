// Package imaging renders local preview images and delivers images in the
// aspect ratios ads need.
package imaging

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg" // decode JPEG outputs
	"image/png"
	"math"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // decode WebP outputs
)

// Target is an ad format: a ratio and the pixel size delivered for it.
type Target struct {
	Ratio         string
	Width, Height int
}

// targets are the ad ratios the product knows, with the pixel size OUTPUT
// delivers for each, in the editor's order.
var targets = []Target{
	{"1:1", 1080, 1080}, {"4:5", 1080, 1350}, {"3:4", 1080, 1440}, {"9:16", 1080, 1920},
	{"16:9", 1920, 1080}, {"4:3", 1440, 1080}, {"1.91:1", 1200, 628},
}

// RatioNames lists the ratios in order.
func RatioNames() []string {
	out := make([]string, len(targets))
	for i, t := range targets {
		out[i] = t.Ratio
	}
	return out
}

// Lookup returns the target of a ratio name.
func Lookup(ratio string) (Target, bool) {
	for _, t := range targets {
		if t.Ratio == ratio {
			return t, true
		}
	}
	return Target{}, false
}

// Fit returns img in target's ratio: center-cropped and scaled to its size.
// changed is false when img already had the ratio (within 1%); it is then
// returned untouched. Images over the budget are refused before decoding.
func (bud *Budget) Fit(ctx context.Context, data []byte, t Target) (out []byte, changed bool, err error) {
	img, err := bud.Decode(ctx, data)
	if err != nil {
		return nil, false, err
	}
	b := img.Bounds()
	want := float64(t.Width) / float64(t.Height)
	have := float64(b.Dx()) / float64(b.Dy())
	if math.Abs(have-want)/want < 0.01 {
		return data, false, nil
	}
	crop := b
	if have > want { // too wide: trim the sides
		w := int(math.Round(float64(b.Dy()) * want))
		crop.Min.X += (b.Dx() - w) / 2
		crop.Max.X = crop.Min.X + w
	} else { // too tall: trim top and bottom
		h := int(math.Round(float64(b.Dx()) / want))
		crop.Min.Y += (b.Dy() - h) / 2
		crop.Max.Y = crop.Min.Y + h
	}
	dst := image.NewRGBA(image.Rect(0, 0, t.Width, t.Height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, crop, draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// Size returns the dimensions of an encoded image.
func Size(data []byte) (int, int, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	return cfg.Width, cfg.Height, err
}
