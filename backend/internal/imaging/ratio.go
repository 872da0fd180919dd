// Package imaging renders local preview images and delivers images in the
// aspect ratios ads need.
package imaging

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
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

// Format is how Cover encodes what it makes.
type Format int

// The formats Cover writes: PNG for delivered ads (lossless), JPEG for
// photos sent to FAL (a tenth of the size).
const (
	PNG Format = iota
	JPEG
)

// Cover returns the image at exactly width x height: scaled to cover it and
// centre-cropped (crop is the largest share of a side cut away, 0.02 for
// 2%). changed is false when the image already has that size; it is then
// returned untouched. Images over the budget are refused before decoding.
func (bud *Budget) Cover(ctx context.Context, data []byte, width, height int, f Format) (out []byte, crop float64, changed bool, err error) {
	img, crop, same, err := bud.CoverImage(ctx, data, width, height)
	if err != nil || same {
		return data, 0, false, err
	}
	out, err = Encode(img, f)
	return out, crop, true, err
}

// CoverImage is Cover before encoding: the image to draw on. same is true
// when the image already had the size (it is still returned, decoded).
func (bud *Budget) CoverImage(ctx context.Context, data []byte, width, height int) (out *image.RGBA, crop float64, same bool, err error) {
	img, err := bud.Decode(ctx, data)
	if err != nil {
		return nil, 0, false, err
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, width, height))
	if b.Dx() == width && b.Dy() == height {
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
		return dst, 0, true, nil
	}
	want := float64(width) / float64(height)
	have := float64(b.Dx()) / float64(b.Dy())
	area := b
	if have > want { // too wide: trim the sides
		w := int(math.Round(float64(b.Dy()) * want))
		area.Min.X += (b.Dx() - w) / 2
		area.Max.X = area.Min.X + w
		crop = 1 - float64(w)/float64(b.Dx())
	} else { // too tall: trim top and bottom
		h := int(math.Round(float64(b.Dx()) / want))
		area.Min.Y += (b.Dy() - h) / 2
		area.Max.Y = area.Min.Y + h
		crop = 1 - float64(h)/float64(b.Dy())
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, area, draw.Src, nil)
	return dst, crop, false, nil
}

// Encode writes img as PNG or JPEG (quality 90).
func Encode(img image.Image, f Format) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if f == JPEG {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&buf, img)
	}
	return buf.Bytes(), err
}

// FitBytes re-encodes an image as a JPEG of at most maxBytes, at the best
// quality from 92 down to 50 that fits; one that fits at none is refused.
func (bud *Budget) FitBytes(ctx context.Context, data []byte, maxBytes int64) ([]byte, error) {
	img, err := bud.Decode(ctx, data)
	if err != nil {
		return nil, err
	}
	for q := 92; q >= 50; q -= 6 {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, err
		}
		if int64(buf.Len()) <= maxBytes {
			return buf.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("the image does not fit in %d KB even as a JPEG of quality 50", maxBytes>>10)
}

// Size returns the dimensions of an encoded image.
func Size(data []byte) (int, int, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	return cfg.Width, cfg.Height, err
}
