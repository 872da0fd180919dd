package compose

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"
)

// boxes is the box of a paragraph's lines, each centred in box's width,
// from top y.
func (p paragraph) boxes(box image.Rectangle, y int) image.Rectangle {
	r := image.Rectangle{}
	for i, w := range p.widths {
		x := box.Min.X + (box.Dx()-w)/2
		r = r.Union(image.Rect(x, y+i*p.lineH, x+w, y+(i+1)*p.lineH))
	}
	return r
}

// paint picks the text colour (the brand's when it reads at AA contrast,
// on a scrim if need be, else white or black), lays a scrim where the
// picture needs one, and draws the texts, the button and the logo,
// measuring what it drew. It stops with ctx's error when ctx ends.
func paint(ctx context.Context, img *image.RGBA, s Spec, b block, box image.Rectangle, logo logoSpot, margin int) (Result, error) {
	yHead := box.Min.Y
	ySub := yHead + b.headline.height() + b.gap1
	yBtn := ySub + b.subline.height() + b.gap2
	head, sub := b.headline.boxes(box, yHead), b.subline.boxes(box, ySub)
	btn := image.Rectangle{}
	if b.buttonH > 0 {
		x := box.Min.X + (box.Dx()-b.buttonW)/2
		btn = image.Rect(x, yBtn, x+b.buttonW, yBtn+b.buttonH)
	}
	texts := head.Union(sub)
	textColour, scrim, alpha := chooseColour(img, s, texts)
	if alpha < 0 {
		return Result{}, &FitError{fmt.Sprintf("the text on %s reads at %.1f:1 at best, below %.1f:1 (WCAG AA): set the scrim to auto or on",
			s.For, worst(textColour, samples(img, texts), scrim, 0), MinContrast)}
	}
	var res Result
	if alpha > 0 {
		area := texts.Union(btn).Inset(-margin / 2).Intersect(s.Safe)
		cover(img, area, scrim, alpha)
		res.Elements = append(res.Elements, element("scrim", area, 0, 0))
	}
	res.Contrast = math.Inf(1)
	for _, t := range []struct {
		kind string
		p    paragraph
		r    image.Rectangle
		y    int
	}{{"headline", b.headline, head, yHead}, {"subline", b.subline, sub, ySub}} {
		if len(t.p.lines) == 0 {
			continue
		}
		c := worst(textColour, samples(img, t.r), scrim, 0)
		if err := t.p.draw(ctx, img, box.Min.X, t.y, box.Dx(), textColour); err != nil {
			return Result{}, err
		}
		res.Elements = append(res.Elements, element(t.kind, t.r, t.p.size, c))
		res.Contrast = math.Min(res.Contrast, c)
	}
	if b.buttonH > 0 {
		on := onColour(s.Brand.Primary)
		pill(img, btn, s.Brand.Primary)
		if err := b.cta.draw(ctx, img, btn.Min.X, btn.Min.Y+(b.buttonH-b.cta.height())/2, btn.Dx(), on); err != nil {
			return Result{}, err
		}
		c := Contrast(on, s.Brand.Primary)
		res.Elements = append(res.Elements, element("cta", btn, b.cta.size, c))
		res.Contrast = math.Min(res.Contrast, c)
	}
	if logo.img != nil {
		logo.drawLogo(img)
		res.Elements = append(res.Elements, element("logo", logo.rect, 0, 0))
	}
	if math.IsInf(res.Contrast, 1) {
		res.Contrast = 0
	}
	res.Contrast = math.Round(res.Contrast*100) / 100
	return res, nil
}

// element records one drawn thing.
func element(kind string, r image.Rectangle, size int, contrast float64) Element {
	return Element{Kind: kind, X: r.Min.X, Y: r.Min.Y, W: r.Dx(), H: r.Dy(), FontSize: size, Contrast: math.Round(contrast*100) / 100}
}

// scrimStep is how finely a scrim's opacity is chosen.
const scrimStep = 0.05

// brandScrim is the most opaque scrim laid to keep the kit's text colour:
// past it the picture fades too much, and white or black reads instead.
const brandScrim = 0.6

// scrimFloor is the least opacity of a scrim: a scrim asked for ("on") is
// plainly there.
func scrimFloor(s Spec) float64 {
	if s.Scrim == "on" {
		return 0.45
	}
	return 0
}

// chooseColour picks the text colour and, when the picture behind the
// text needs one, the scrim (colour and the lowest opacity that reaches AA
// contrast, with a little to spare). The kit's text colour is kept when it
// reads, else on a scrim of at most brandScrim where that makes it read;
// only then does white or black replace it. alpha is 0 for no scrim, and
// -1 when AA is out of reach because the scrim is off.
func chooseColour(img *image.RGBA, s Spec, texts image.Rectangle) (text, scrim color.RGBA, alpha float64) {
	px := samples(img, texts)
	want := MinContrast + 0.3 // antialiased edges read a little lighter
	cands := []color.RGBA{White, Black}
	if s.Brand.Text != nil {
		kit := *s.Brand.Text
		if s.Scrim != "on" && worst(kit, px, kit, 0) >= want {
			return kit, Black, 0
		}
		if s.Scrim != "off" {
			sc := onColour(kit)
			for a := scrimStep; a <= brandScrim+1e-9; a += scrimStep {
				if worst(kit, px, sc, a) >= want {
					return kit, sc, math.Max(a, scrimFloor(s))
				}
			}
		}
	}
	if s.Scrim != "on" {
		for _, c := range cands {
			if worst(c, px, c, 0) >= want {
				return c, Black, 0
			}
		}
	}
	if s.Scrim == "off" {
		best := cands[0]
		for _, c := range cands {
			if worst(c, px, c, 0) > worst(best, px, best, 0) {
				best = c
			}
		}
		return best, best, -1
	}
	floor := scrimFloor(s)
	for a := scrimStep; a <= 0.95; a += scrimStep {
		for _, c := range []color.RGBA{White, Black} {
			sc := color.RGBA{0, 0, 0, 255}
			if c == Black {
				sc = color.RGBA{255, 255, 255, 255}
			}
			if worst(c, px, sc, a) >= want {
				return c, sc, math.Max(a, floor)
			}
		}
	}
	return White, color.RGBA{0, 0, 0, 255}, 0.95
}

// cover lays colour c at opacity a over r.
func cover(img *image.RGBA, r image.Rectangle, c color.RGBA, a float64) {
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, over(img.RGBAAt(x, y), c, a))
		}
	}
}

// pill fills r with c, its ends rounded.
func pill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	rad := float64(r.Dy()) / 2
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			cx := math.Max(float64(r.Min.X)+rad, math.Min(fx, float64(r.Max.X)-rad))
			cy := float64(r.Min.Y) + rad
			if math.Hypot(fx-cx, fy-cy) <= rad {
				img.SetRGBA(x, y, c)
			}
		}
	}
}
