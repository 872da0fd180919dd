package compose

import (
	"image"
	"math"
	"strings"

	xdraw "golang.org/x/image/draw"
)

// logoSpot is where the logo goes: its box (empty for none) and corner.
type logoSpot struct {
	img    image.Image
	rect   image.Rectangle
	corner string
}

// logoBox sizes the logo: about 8% of the picture's shorter side high, at
// most a third of the area wide, keeping its proportions.
func logoBox(s Spec, area image.Rectangle, unit float64) logoSpot {
	if s.Brand.Logo == nil || s.LogoPosition == None {
		return logoSpot{}
	}
	lb := s.Brand.Logo.Bounds()
	if lb.Dx() == 0 || lb.Dy() == 0 {
		return logoSpot{}
	}
	h := int(math.Round(unit * 0.08))
	w := h * lb.Dx() / lb.Dy()
	if maxW := area.Dx() / 3; w > maxW {
		w, h = maxW, maxW*lb.Dy()/lb.Dx()
	}
	return logoSpot{img: s.Brand.Logo, rect: image.Rect(0, 0, w, h)}
}

// placed puts the logo in its corner: the one asked for, or (auto) the
// left corner on the edge away from the text.
func (l logoSpot) placed(pos, textPos string, area image.Rectangle) logoSpot {
	if l.img == nil {
		return l
	}
	if pos == "" || pos == Auto {
		pos = "top-left"
		if textPos == Top {
			pos = "bottom-left"
		}
	}
	w, h := l.rect.Dx(), l.rect.Dy()
	x, y := area.Min.X, area.Min.Y
	if strings.HasSuffix(pos, "right") {
		x = area.Max.X - w
	}
	if strings.HasPrefix(pos, Bottom) {
		y = area.Max.Y - h
	}
	l.rect, l.corner = image.Rect(x, y, x+w, y+h), pos
	return l
}

// on reports whether the logo sits on edge (top or bottom).
func (l logoSpot) on(edge string) bool { return l.img != nil && strings.HasPrefix(l.corner, edge) }

// drawLogo scales the logo into its box over img.
func (l logoSpot) drawLogo(img *image.RGBA) {
	if l.img != nil {
		xdraw.CatmullRom.Scale(img, l.rect, l.img, l.img.Bounds(), xdraw.Over, nil)
	}
}
