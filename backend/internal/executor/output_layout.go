package executor

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/go-text/typesetting/font"

	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
)

// composer lays one layout onto every final of an Output: its words, with
// its fonts and logo loaded once per run.
type composer struct {
	layout Layout
	brand  compose.Brand
}

// composerFor reads the layout an AD_LAYOUT node connected to the layout
// input sent (nil when none is connected) and loads its fonts and logo.
func (o output) composerFor(ctx context.Context, raw any) (*composer, error) {
	if raw == nil {
		return nil, nil
	}
	b, _ := json.Marshal(raw)
	var l Layout
	if json.Unmarshal(b, &l) != nil || l.Brand.HeadlineFont.ID == "" {
		return nil, fmt.Errorf("the layout input is not an ad layout: connect an Ad layout node to it")
	}
	c := &composer{layout: l}
	var err error
	if c.brand.HeadlineFont, err = o.font(ctx, l.Brand.HeadlineFont, true); err != nil {
		return nil, err
	}
	if c.brand.BodyFont, err = o.font(ctx, l.Brand.BodyFont, false); err != nil {
		return nil, err
	}
	for _, t := range []struct {
		what, text string
		ft         *font.Font
	}{{"headline", l.Headline + l.CTA, c.brand.HeadlineFont}, {"subline", l.Subline, c.brand.BodyFont}} {
		if miss := fonts.Missing(t.ft, t.text); len(miss) > 0 {
			return nil, fmt.Errorf("the %s's font has no glyph for %q: choose another font in the brand kit", t.what, string(miss))
		}
	}
	if c.brand.Primary, err = hexColour(l.Brand.PrimaryColor); err != nil {
		return nil, err
	}
	if l.Brand.TextColor != nil {
		t, err := hexColour(*l.Brand.TextColor)
		if err != nil {
			return nil, err
		}
		c.brand.Text = &t
	}
	if l.Brand.LogoURL != nil && *l.Brand.LogoURL != "" {
		data, err := o.blobs.Get(ctx, *l.Brand.LogoURL)
		if err != nil {
			return nil, fmt.Errorf("the brand kit's logo could not be read: %w", err)
		}
		if c.brand.Logo, err = o.images.Decode(ctx, data); err != nil {
			return nil, fmt.Errorf("the brand kit's logo: %w", err)
		}
	}
	return c, nil
}

// font loads a bundled family's weight, or an uploaded font.
func (o output) font(ctx context.Context, ref FontRef, bold bool) (*font.Font, error) {
	if ref.URL == "" {
		return fonts.Bundled(ref.ID, bold)
	}
	data, err := o.blobs.Get(ctx, ref.URL)
	if err != nil {
		return nil, fmt.Errorf("the brand kit's font could not be read: %w", err)
	}
	return fonts.Parse(data)
}

// apply lays the words onto img, a final for t, inside t's safe zone.
func (c *composer) apply(img *image.RGBA, t target) (compose.Result, error) {
	safe := img.Bounds()
	name := fmt.Sprintf("the %s ad (%dx%d)", t.ratio, t.width, t.height)
	if p, ok := placements.Get(t.placement); ok {
		x0, y0, x1, y1 := p.Box()
		safe, name = image.Rect(x0, y0, x1, y1), p.Describe()
	}
	return compose.Compose(img, compose.Spec{Copy: compose.Copy{Headline: c.layout.Headline, Subline: c.layout.Subline, CTA: c.layout.CTA},
		Brand: c.brand, TextPosition: c.layout.TextPosition, LogoPosition: c.layout.LogoPosition, Scrim: c.layout.Scrim,
		Safe: safe, For: name})
}

// hexColour reads "#rrggbb".
func hexColour(s string) (color.RGBA, error) {
	var r, g, b uint8
	if n, err := fmt.Sscanf(strings.ToLower(s), "#%02x%02x%02x", &r, &g, &b); err != nil || n != 3 || len(s) != 7 {
		return color.RGBA{}, fmt.Errorf("%q is not a colour (#rrggbb)", s)
	}
	return color.RGBA{r, g, b, 255}, nil
}
