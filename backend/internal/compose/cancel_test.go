package compose

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/placements"
)

// countdown is a context that counts the checks made of it and, from its
// at-th on (at > 0), answers that it was cancelled: a caller cancelling
// while the words are being drawn, glyph by glyph.
type countdown struct {
	context.Context
	checks, at int
}

// Err counts the check and reports a cancel once at is reached.
func (c *countdown) Err() error {
	c.checks++
	if c.at > 0 && c.checks >= c.at {
		return context.Canceled
	}
	return nil
}

// TestACancelStopsTheDrawing stops Compose and Fits with the context's
// error: cancelled before the call, nothing is laid out; cancelled while
// the last glyphs are drawn, the drawing stops at the next glyph.
func TestACancelStopsTheDrawing(t *testing.T) {
	p, _ := placements.Get("meta_stories")
	spec := Spec{Copy: Copy{Headline: "Spring steps, brighter days", Subline: "Red canvas sneakers", CTA: "Shop now"},
		Brand: brand(t), Safe: safeOf(p), For: p.Describe()}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := Compose(ctx, canvas(p.Width, p.Height, "light"), spec)
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, Fits(ctx, p.Width, p.Height, spec), context.Canceled)

	all := &countdown{Context: t.Context()}
	_, err = Compose(all, canvas(p.Width, p.Height, "light"), spec)
	require.NoError(t, err)
	glyphs := len("Shopnow") // the call to action is drawn last, a check before each glyph
	late := &countdown{Context: t.Context(), at: all.checks - glyphs/2}
	img := canvas(p.Width, p.Height, "light")
	_, err = Compose(late, img, spec)
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, late.at, late.checks, "no check after the cancel")
	require.False(t, bytes.Equal(img.Pix, canvas(p.Width, p.Height, "light").Pix), "it stopped while drawing")
}
