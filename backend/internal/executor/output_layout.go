package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"

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

// apply lays the words onto img, a final for t, inside t's safe zone.
func (c *composer) apply(img *image.RGBA, t target) (compose.Result, error) {
	safe := img.Bounds()
	name := fmt.Sprintf("the %s ad (%dx%d)", t.ratio, t.width, t.height)
	if p, ok := placements.Get(t.placement); ok {
		x0, y0, x1, y1 := p.Box()
		safe, name = image.Rect(x0, y0, x1, y1), p.Describe()
	}
	res, err := compose.Compose(img, compose.Spec{Copy: compose.Copy{Headline: c.layout.Headline, Subline: c.layout.Subline, CTA: c.layout.CTA},
		Brand: c.brand, TextPosition: c.layout.TextPosition, LogoPosition: c.layout.LogoPosition, Scrim: c.layout.Scrim,
		Safe: safe, For: name})
	var fit *compose.FitError
	if errors.As(err, &fit) && c.layout.Node != "" {
		err = fmt.Errorf("%w, in the Ad layout %q", err, c.layout.Node)
	}
	return res, err
}

// Precheck draws the layout, when its words are known before the run (its
// Ad layout's sources are), on a blank picture at every target: a text
// that cannot fit refuses the run before anything is generated or paid
// for. Other problems are left to the run, which says more.
func (o output) Precheck(ctx context.Context, r *Run, c OutputConfig) error {
	raw := r.Inputs["layout"]
	if raw == nil {
		return nil
	}
	comp, err := o.composerFor(ctx, raw)
	if err != nil {
		return nil
	}
	for _, t := range targetsOf(c) {
		_, err := comp.apply(image.NewRGBA(image.Rect(0, 0, t.width, t.height)), t)
		if fit := (*compose.FitError)(nil); errors.As(err, &fit) {
			return err
		}
	}
	return nil
}
