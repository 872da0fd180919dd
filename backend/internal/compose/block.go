package compose

import (
	"context"
	"fmt"
	"image"
	"math"
	"strings"
)

// block is the text of an ad set for one area: the paragraphs, the
// call-to-action button's size, and the gaps between them.
type block struct {
	headline, subline, cta paragraph
	buttonW, buttonH       int
	gap1, gap2             int
	height                 int
}

// The block's proportions: sizes relative to the headline's, the largest
// headline relative to the area, and the share of the area the block may
// take (more when centred).
const (
	sublineScale = 0.5
	ctaScale     = 0.42
	firstSize    = 0.11 // of the area's width
	maxShare     = 0.5
	centreShare  = 0.8
	shrinkStep   = 0.92
)

// minHeadline is the smallest headline, in pixels, for a picture whose
// shorter side is unit pixels: below it an ad is not read.
func minHeadline(unit float64) int { return max(16, int(math.Round(unit*0.032))) }

// fit sets the block at the largest headline size at which everything fits
// the area's width and share of its height, shrinking step by step; at the
// smallest size it says which text does not fit. It returns ctx's error
// when ctx ends first.
func fit(ctx context.Context, s Spec, area image.Rectangle, unit float64, centred bool) (block, error) {
	share := maxShare
	if centred {
		share = centreShare
	}
	limit := int(float64(area.Dy()) * share)
	size := min(int(float64(area.Dx())*firstSize), int(float64(area.Dy())*0.14))
	low := minHeadline(unit)
	for {
		size = max(size, low)
		blk, problem, err := setBlock(ctx, s, area.Dx(), size)
		if err != nil {
			return block{}, err
		}
		if problem == "" && blk.height > limit {
			problem = blk.tallest(limit)
		}
		if problem == "" {
			return blk, nil
		}
		if size == low {
			return block{}, &FitError{fmt.Sprintf("%s does not fit %s even at %d px: shorten it", problem, s.For, low)}
		}
		size = int(float64(size) * shrinkStep)
	}
}

// setBlock sets every text at headline size size; problem names the text
// with a word too wide for the width ("" when all fit).
func setBlock(ctx context.Context, s Spec, width, size int) (b block, problem string, err error) {
	var ok bool
	if b.headline, ok, err = setText(ctx, s.Brand.HeadlineFont, strings.TrimSpace(s.Copy.Headline), size, width, 1.12); err != nil || !ok {
		return b, "the headline", err
	}
	sub := max(8, int(float64(size)*sublineScale))
	if b.subline, ok, err = setText(ctx, s.Brand.BodyFont, strings.TrimSpace(s.Copy.Subline), sub, width, 1.3); err != nil || !ok {
		return b, "the subline", err
	}
	if s.Copy.CTA != "" {
		cs := max(8, int(float64(size)*ctaScale))
		pad := int(float64(cs) * 1.2)
		if b.cta, ok, err = setText(ctx, s.Brand.HeadlineFont, strings.TrimSpace(s.Copy.CTA), cs, width-2*pad, 1.2); err != nil || !ok || len(b.cta.lines) > 1 {
			return b, "the call to action", err
		}
		b.buttonW, b.buttonH = b.cta.width()+2*pad, int(float64(cs)*2.3)
	}
	if b.headline.height() > 0 && (b.subline.height() > 0 || b.buttonH > 0) {
		b.gap1 = int(float64(size) * 0.35)
	}
	if b.buttonH > 0 && (b.headline.height()+b.subline.height() > 0) {
		b.gap2 = int(float64(size) * 0.6)
	}
	b.height = b.headline.height() + b.gap1 + b.subline.height() + b.gap2 + b.buttonH
	return b, "", nil
}

// tallest names the text that takes the block past limit: the headline
// when it alone does, else the subline, else the call to action.
func (b block) tallest(limit int) string {
	switch {
	case b.headline.height() > limit:
		return "the headline"
	case b.headline.height()+b.gap1+b.subline.height() > limit:
		return "the subline"
	}
	return "the call to action"
}
