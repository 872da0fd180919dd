package compose

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
)

// canvas is a picture of w x h: flat light, flat dark, or a busy pattern
// of light and dark stripes (the hardest background for text).
func canvas(w, h int, kind string) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{240, 236, 228, 255}
			switch kind {
			case "dark":
				c = color.RGBA{18, 22, 40, 255}
			case "busy":
				if (x/23+y/17)%2 == 0 {
					c = color.RGBA{250, 250, 250, 255}
				} else {
					c = color.RGBA{10, 10, 10, 255}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// brand is a brand with the bundled Inter and Lato, a red button and a
// square logo.
func brand(t testing.TB) Brand {
	head, err := fonts.Bundled("inter", true)
	require.NoError(t, err)
	body, err := fonts.Bundled("lato", false)
	require.NoError(t, err)
	logo := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := range 100 {
		for x := range 200 {
			logo.SetRGBA(x, y, color.RGBA{30, 90, 200, 255})
		}
	}
	return Brand{HeadlineFont: head, BodyFont: body, Primary: color.RGBA{205, 32, 44, 255}, Logo: logo}
}

// safeOf is a placement's safe zone in pixels.
func safeOf(p placements.Placement) image.Rectangle {
	x0, y0, x1, y1 := p.Box()
	return image.Rect(x0, y0, x1, y1)
}

// TestEveryPlacementKeepsItsSafeZoneAndContrast composes a full ad onto
// light, dark and busy pictures at every placement: every element inside
// the safe zone, every text at 4.5:1 or more, measured on the pixels.
func TestEveryPlacementKeepsItsSafeZoneAndContrast(t *testing.T) {
	b := brand(t)
	copyText := Copy{Headline: "Spring steps, brighter days", Subline: "Red canvas sneakers, now 20% off — Ελληνικά, Кириллица", CTA: "Shop now"}
	for _, p := range placements.All() {
		for _, bg := range []string{"light", "dark", "busy"} {
			img := canvas(p.Width, p.Height, bg)
			res, err := Compose(t.Context(), img, Spec{Copy: copyText, Brand: b, Safe: safeOf(p), For: p.Describe()})
			require.NoError(t, err, "%s on %s", p.ID, bg)
			kinds := map[string]bool{}
			for _, e := range res.Elements {
				kinds[e.Kind] = true
				r := image.Rect(e.X, e.Y, e.X+e.W, e.Y+e.H)
				require.True(t, r.In(safeOf(p)), "%s on %s: the %s %v leaves the safe zone %v", p.ID, bg, e.Kind, r, safeOf(p))
				if e.Kind == "headline" || e.Kind == "subline" || e.Kind == "cta" {
					require.GreaterOrEqual(t, e.Contrast, MinContrast, "%s on %s: the %s", p.ID, bg, e.Kind)
				}
			}
			require.True(t, kinds["headline"] && kinds["subline"] && kinds["cta"] && kinds["logo"], "%s: %v", p.ID, kinds)
			require.GreaterOrEqual(t, res.Contrast, MinContrast)
			if os.Getenv("COMPOSE_SHOTS") != "" {
				f, _ := os.Create("/tmp/compose-" + p.ID + "-" + bg + ".png")
				_ = png.Encode(f, img)
				_ = f.Close()
			}
		}
	}
}

// TestContrastIsMeasuredOnPixels checks the scrim: on a busy picture the
// text's background, read back from the image, reaches 4.5:1.
func TestContrastIsMeasuredOnPixels(t *testing.T) {
	img := canvas(1080, 1920, "busy")
	p, _ := placements.Get("meta_stories")
	res, err := Compose(t.Context(), img, Spec{Copy: Copy{Headline: "Bold", Subline: "Read me"}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
	require.NoError(t, err)
	var head Element
	for _, e := range res.Elements {
		if e.Kind == "headline" {
			head = e
		}
	}
	require.NotZero(t, head.W)
	hasScrim := false
	for _, e := range res.Elements {
		hasScrim = hasScrim || e.Kind == "scrim"
	}
	require.True(t, hasScrim, "a busy picture needs a scrim")
	// The lightest and darkest pixels at the headline's edge (outside the ink) now differ by less.
	lo, hi := math.Inf(1), 0.0
	for x := head.X; x < head.X+head.W; x += 3 {
		l := luminance(img.RGBAAt(x, head.Y+1))
		lo, hi = math.Min(lo, l), math.Max(hi, l)
	}
	require.Less(t, ratio(hi, lo), 21.0*0.5, "the scrim evened out the stripes behind the text")
	_, err = Compose(t.Context(), canvas(1080, 1920, "busy"), Spec{Copy: Copy{Headline: "Bold"}, Brand: brand(t), Safe: safeOf(p), For: p.Describe(), Scrim: "off"})
	require.ErrorContains(t, err, "below 4.5:1")
}

// TestLongTextShrinksThenFails wraps and shrinks a long headline, and
// fails one that cannot fit, naming the text and the placement.
func TestLongTextShrinksThenFails(t *testing.T) {
	p, _ := placements.Get("google_display_landscape")
	short, err := Compose(t.Context(), canvas(p.Width, p.Height, "light"), Spec{Copy: Copy{Headline: "Sale"}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
	require.NoError(t, err)
	long, err := Compose(t.Context(), canvas(p.Width, p.Height, "light"), Spec{Copy: Copy{Headline: "Our biggest spring sale ever on every single red canvas sneaker in the shop, online and in every store, this week only"}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
	require.NoError(t, err)
	require.Less(t, long.Elements[0].FontSize, short.Elements[0].FontSize, "shrunk to fit")
	require.Greater(t, long.Elements[0].H, long.Elements[0].FontSize*2-1, "wrapped onto lines")
	huge := ""
	for range 300 {
		huge += "sneakers "
	}
	_, err = Compose(t.Context(), canvas(p.Width, p.Height, "light"), Spec{Copy: Copy{Headline: huge}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
	require.ErrorContains(t, err, "the headline does not fit Google display, landscape 1.91:1 (1200x628)")
	_, err = Compose(t.Context(), canvas(p.Width, p.Height, "light"), Spec{Copy: Copy{Headline: strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis", 3)}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
	require.ErrorContains(t, err, "does not fit")
}

// TestLineBreaksStartLines sets text with every kind of line break as
// separate lines, instead of crashing the wrapper.
func TestLineBreaksStartLines(t *testing.T) {
	p, _ := placements.Get("meta_stories")
	for _, br := range []string{"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n\n\n"} {
		res, err := Compose(t.Context(), canvas(p.Width, p.Height, "light"), Spec{Copy: Copy{Headline: "Spring" + br + "sale", Subline: br + "now" + br}, Brand: brand(t), Safe: safeOf(p), For: p.Describe()})
		require.NoError(t, err, "%q", br)
		require.Greater(t, res.Elements[0].H, res.Elements[0].FontSize*2-1, "%q: two lines", br)
	}
}

// TestKitTextColourIsKept draws white kit text on a light picture: the
// words stay white, on a scrim that makes them read at AA or better.
func TestKitTextColourIsKept(t *testing.T) {
	p, _ := placements.Get("meta_feed_square")
	b := brand(t)
	b.Text = &White
	img := canvas(p.Width, p.Height, "light")
	res, err := Compose(t.Context(), img, Spec{Copy: Copy{Headline: "Spring steps", CTA: "Shop now"}, Brand: b, Safe: safeOf(p), For: p.Describe()})
	require.NoError(t, err)
	white, scrim := 0, false
	for _, e := range res.Elements {
		scrim = scrim || e.Kind == "scrim"
		if e.Kind != "headline" {
			continue
		}
		require.GreaterOrEqual(t, e.Contrast, MinContrast)
		for y := e.Y; y < e.Y+e.H; y++ {
			for x := e.X; x < e.X+e.W; x++ {
				if img.RGBAAt(x, y) == White {
					white++
				}
			}
		}
	}
	require.True(t, scrim, "a scrim makes white read on a light picture")
	require.Greater(t, white, 200, "the headline is drawn in the kit's white")
}

// TestFitsAsTheDrawingWill measures without drawing as Compose draws: a
// text too long for any final does not fit, a short one does, and with the
// text position auto a text that fits at the top (where a picture busy at
// the bottom puts it) fits, even when a bottom logo leaves the bottom too
// small for it.
func TestFitsAsTheDrawingWill(t *testing.T) {
	p, _ := placements.Get("meta_reels")
	b := brand(t)
	spec := func(headline string) Spec {
		return Spec{Copy: Copy{Headline: headline, Subline: strings.Repeat("Soft canvas, bright soles. ", 18), CTA: "Shop now"},
			Brand: b, LogoPosition: "bottom-left", Safe: safeOf(p), For: p.Describe()}
	}
	require.NoError(t, Fits(t.Context(), p.Width, p.Height, spec("Spring steps")))
	require.Error(t, Fits(t.Context(), p.Width, p.Height, spec(strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis ", 30))))
	base := canvas(p.Width, p.Height, "busy")
	copy(base.Pix, canvas(p.Width, p.Height/2, "light").Pix) // calm at the top
	busyBottom := func() *image.RGBA {
		img := image.NewRGBA(base.Rect)
		copy(img.Pix, base.Pix)
		return img
	}
	found := false
	for words := 8; words <= 60 && !found; words += 4 {
		s := spec(strings.Repeat("Bright canvas ", words/2))
		bottom := s
		bottom.TextPosition = Bottom
		if _, err := Compose(t.Context(), busyBottom(), s); err != nil || Fits(t.Context(), p.Width, p.Height, bottom) == nil {
			continue
		}
		found = true
		require.NoError(t, Fits(t.Context(), p.Width, p.Height, s), "%d words fit at the top, where the picture puts them", words)
	}
	require.True(t, found, "a text that fits at the top but not above a bottom logo")
}
