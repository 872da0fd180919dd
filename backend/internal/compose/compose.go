// Package compose lays an ad's words and logo onto a generated picture at
// its final size: headline, subline and call-to-action button set with the
// brand's fonts, wrapped and shrunk to fit, kept inside the placement's
// safe zone, readable at WCAG AA contrast (with a scrim where the picture
// would not allow it), and the logo in a corner. The picture is generated
// without text; changing the words or adding a format re-composes, never
// re-generates.
package compose

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/go-text/typesetting/font"
)

// Copy is the ad's words (any may be empty).
type Copy struct {
	Headline, Subline, CTA string
}

// Brand is how the words look: fonts, colours and the logo.
type Brand struct {
	HeadlineFont, BodyFont *font.Font
	Primary                color.RGBA  // the call-to-action button
	Text                   *color.RGBA // preferred text colour; nil lets contrast choose
	Logo                   image.Image // nil for none
}

// Where text and the logo go.
const (
	Auto   = "auto"
	Top    = "top"
	Bottom = "bottom"
	Centre = "centre"
	None   = "none"
)

// Spec is one composition: the words, the brand, where they go, and the
// area (the placement's safe zone, in pixels) they must stay inside.
type Spec struct {
	Copy         Copy
	Brand        Brand
	TextPosition string // auto, top, bottom, centre
	LogoPosition string // auto, top-left, top-right, bottom-left, bottom-right, none
	Scrim        string // auto, on, off
	Safe         image.Rectangle
	For          string // what it is for, in messages ("Meta Stories (1080x1920)")
}

// Element is one thing drawn, where, and how readable.
type Element struct {
	Kind     string  `json:"kind" enum:"headline,subline,cta,logo,scrim"`
	X        int     `json:"x"`
	Y        int     `json:"y"`
	W        int     `json:"w"`
	H        int     `json:"h"`
	FontSize int     `json:"font_size,omitempty"`
	Contrast float64 `json:"contrast,omitempty" doc:"The lowest contrast ratio measured between the text and the pixels behind it."`
}

// Result is what a composition drew.
type Result struct {
	Elements []Element `json:"elements"`
	Contrast float64   `json:"contrast" doc:"The lowest text contrast of the composition."`
}

// FitError says which text does not fit which placement.
type FitError struct{ Msg string }

// Error returns the message.
func (e *FitError) Error() string { return e.Msg }

// Compose draws s onto img (already at its final size) and says what it
// drew. Nothing is drawn when the words do not fit or cannot read. It checks
// ctx between lines and between glyphs, and returns ctx's error when ctx
// ends, img then part drawn. A panic in the text libraries is an error,
// never a crash.
func Compose(ctx context.Context, img *image.RGBA, s Spec) (res Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = Result{}, fmt.Errorf("the words could not be laid out for %s: %v", s.For, v)
		}
	}()
	return compose(ctx, img, s)
}

// compose is Compose without the recover.
func compose(ctx context.Context, img *image.RGBA, s Spec) (Result, error) {
	textPos := s.TextPosition
	if textPos == "" || textPos == Auto {
		area, _, _, err := safeArea(s, img.Bounds())
		if err != nil {
			return Result{}, err
		}
		textPos = calmer(img, area)
	}
	room, logo, unit, margin, err := layoutRoom(s, img.Bounds(), textPos)
	if err != nil {
		return Result{}, err
	}
	blk, err := fit(ctx, s, room, unit, textPos == Centre)
	if err != nil {
		return Result{}, err
	}
	top := room.Min.Y
	switch textPos {
	case Bottom:
		top = room.Max.Y - blk.height
	case Centre:
		top = room.Min.Y + (room.Dy()-blk.height)/2
	}
	return paint(ctx, img, s, blk, image.Rect(room.Min.X, top, room.Max.X, top+blk.height), logo, margin)
}

// Fits says, without drawing, whether s's words fit a final of w x h: with
// the text position auto, at the top or at the bottom (the picture
// decides which), so it refuses only what fits in neither. It returns
// ctx's error when ctx ends first.
func Fits(ctx context.Context, w, h int, s Spec) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = nil // the drawing itself will say
		}
	}()
	b := image.Rect(0, 0, w, h)
	positions := []string{s.TextPosition}
	if s.TextPosition == "" || s.TextPosition == Auto {
		positions = []string{Bottom, Top}
	}
	for _, pos := range positions {
		room, _, unit, _, e := layoutRoom(s, b, pos)
		if e == nil {
			_, e = fit(ctx, s, room, unit, pos == Centre)
		}
		if e == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err == nil {
			err = e
		}
	}
	return err
}

// safeArea is where an ad's elements may go on a picture of bounds b: the
// safe zone less a margin (and the unit sizes scale with, and the margin).
func safeArea(s Spec, b image.Rectangle) (area image.Rectangle, unit float64, margin int, err error) {
	unit = float64(min(b.Dx(), b.Dy()))
	margin = int(math.Round(unit * 0.04))
	area = s.Safe.Intersect(b).Inset(margin)
	if area.Dx() < 40 || area.Dy() < 40 {
		return area, unit, margin, &FitError{fmt.Sprintf("the safe zone of %s leaves no room for text", s.For)}
	}
	return area, unit, margin, nil
}

// layoutRoom is where the words go with the text at textPos: the safe
// area less the logo's band on the same side, and where the logo goes.
func layoutRoom(s Spec, b image.Rectangle, textPos string) (room image.Rectangle, logo logoSpot, unit float64, margin int, err error) {
	area, unit, margin, err := safeArea(s, b)
	if err != nil {
		return room, logo, unit, margin, err
	}
	logo = logoBox(s, area, unit).placed(s.LogoPosition, textPos, area)
	room = area
	if logo.on(Top) && textPos != Bottom {
		room.Min.Y = logo.rect.Max.Y + margin/2
	}
	if logo.on(Bottom) && textPos != Top {
		room.Max.Y = logo.rect.Min.Y - margin/2
	}
	return room, logo, unit, margin, nil
}

// calmer is where text reads best: the top or the bottom of the area,
// whichever varies less (the bottom on a tie).
func calmer(img *image.RGBA, area image.Rectangle) string {
	band := area.Dy() / 3
	top := busyness(img, image.Rect(area.Min.X, area.Min.Y, area.Max.X, area.Min.Y+band))
	bottom := busyness(img, image.Rect(area.Min.X, area.Max.Y-band, area.Max.X, area.Max.Y))
	if top < bottom*0.8 {
		return Top
	}
	return Bottom
}
