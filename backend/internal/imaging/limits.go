package imaging

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
)

// Info is what an image's header says, read without decoding its pixels.
type Info struct {
	Format        string // png, jpeg, webp
	Width, Height int
}

// Budget bounds what decoding images may cost the shared process: no image
// over MaxPixels is decoded (its header is read first, so a small file that
// claims a huge picture, a decompression bomb, costs nothing), and only so
// many decode at once, so the memory they take together stays bounded.
type Budget struct {
	MaxPixels int
	slots     chan struct{}
}

// NewBudget allows images up to maxPixels, decoding at most concurrent of
// them at a time.
func NewBudget(maxPixels, concurrent int) *Budget {
	return &Budget{MaxPixels: maxPixels, slots: make(chan struct{}, max(concurrent, 1))}
}

// Inspect reads the image's header only and refuses one whose pixel count
// passes the budget.
func (b *Budget) Inspect(data []byte) (Info, error) {
	return b.InspectReader(bytes.NewReader(data))
}

// InspectReader is Inspect of an image read from r, reading only as far as
// its header (a stored file need not be read whole to be sized).
func (b *Budget) InspectReader(r io.Reader) (Info, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return Info{}, fmt.Errorf("not a PNG, JPEG or WebP image this server can read")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("the image says it is %dx%d pixels", cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > int64(b.MaxPixels) {
		return Info{}, fmt.Errorf("the image is %dx%d (%.1f megapixels); the limit is %.0f megapixels",
			cfg.Width, cfg.Height, float64(px)/1e6, float64(b.MaxPixels)/1e6)
	}
	return Info{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// Decode decodes an image after sizing it, waiting for a decoding slot
// (until ctx ends).
func (b *Budget) Decode(ctx context.Context, data []byte) (image.Image, error) {
	if _, err := b.Inspect(data); err != nil {
		return nil, err
	}
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	defer func() { <-b.slots }()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the image is damaged: %v", err)
	}
	return img, nil
}
