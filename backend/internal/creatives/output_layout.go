package creatives

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"

	"github.com/go-text/typesetting/font"

	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
)

// composer lays one layout onto every final of an Output: its words, with
// its fonts and logo loaded once per run.
type composer struct {
	layout executor.Layout
	brand  compose.Brand
}

// composerFor reads the layout an AD_LAYOUT node connected to the layout
// input sent (nil when none is connected) and loads its fonts and logo.
func (o output) composerFor(ctx context.Context, raw any) (*composer, error) {
	if raw == nil {
		return nil, nil
	}
	b, _ := json.Marshal(raw)
	var l executor.Layout
	if json.Unmarshal(b, &l) != nil || l.Brand.HeadlineFont.ID == "" {
		return nil, fmt.Errorf("the layout input is not an ad layout: connect an Ad layout node to it")
	}
	brand, err := LoadBrand(ctx, l.Brand, o.blobs, o.images)
	if err != nil {
		return nil, err
	}
	for _, t := range []struct {
		what, text string
		ft         *font.Font
	}{{"headline", l.Headline + l.CTA, brand.HeadlineFont}, {"subline", l.Subline, brand.BodyFont}} {
		if miss := fonts.Missing(t.ft, t.text); len(miss) > 0 {
			return nil, fmt.Errorf("the %s's font has no glyph for %q: choose another font in the brand kit", t.what, string(miss))
		}
	}
	return &composer{layout: l, brand: brand}, nil
}

// spec is what drawing the layout on a final for t takes: the words, the
// brand and t's safe zone (the whole final for a plain ratio).
func (c *composer) spec(t target) compose.Spec {
	safe := image.Rect(0, 0, t.width, t.height)
	name := fmt.Sprintf("the %s ad (%dx%d)", t.ratio, t.width, t.height)
	if p, ok := placements.Get(t.placement); ok {
		x0, y0, x1, y1 := p.Box()
		safe, name = image.Rect(x0, y0, x1, y1), p.Describe()
	}
	return compose.Spec{Copy: compose.Copy{Headline: c.layout.Headline, Subline: c.layout.Subline, CTA: c.layout.CTA},
		Brand: c.brand, TextPosition: c.layout.TextPosition, LogoPosition: c.layout.LogoPosition, Scrim: c.layout.Scrim,
		Safe: safe, For: name}
}

// apply lays the words onto img, a final for t, inside t's safe zone.
func (c *composer) apply(ctx context.Context, img *image.RGBA, t target) (compose.Result, error) {
	res, err := compose.Compose(ctx, img, c.spec(t))
	return res, c.where(err)
}

// where adds to a text that does not fit the Ad layout to shorten it in.
func (c *composer) where(err error) error {
	var fit *compose.FitError
	if errors.As(err, &fit) && c.layout.Node != "" {
		return fmt.Errorf("%w, in the Ad layout %q", err, c.layout.Node)
	}
	return err
}
