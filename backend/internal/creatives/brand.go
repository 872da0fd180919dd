package creatives

import (
	"context"
	"fmt"
	"image"

	"github.com/go-text/typesetting/font"
	xdraw "golang.org/x/image/draw"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// FontFinder finds a user's uploaded font.
type FontFinder interface {
	GetFont(ctx context.Context, userID, id string) (workflow.Font, error)
}

// BrandOf is a kit as a layout carries it: each font resolved to a bundled
// family or the URL of the owner's upload.
func BrandOf(ctx context.Context, kit workflow.BrandKit, ff FontFinder) (executor.Brand, error) {
	b := executor.Brand{ID: kit.ID, Name: kit.Name, LogoURL: kit.LogoURL, PrimaryColor: kit.PrimaryColor, TextColor: kit.TextColor}
	for _, f := range []struct {
		id  string
		ref *executor.FontRef
	}{{kit.HeadlineFont, &b.HeadlineFont}, {kit.BodyFont, &b.BodyFont}} {
		*f.ref = executor.FontRef{ID: f.id}
		if _, err := fonts.Bundled(f.id, false); err == nil {
			continue
		}
		up, err := ff.GetFont(ctx, kit.UserID, f.id)
		if err != nil {
			return executor.Brand{}, err
		}
		f.ref.URL = up.URL
	}
	return b, nil
}

// LoadBrand loads what a brand needs to draw: its fonts (the headline's
// family in bold), colours and logo.
func LoadBrand(ctx context.Context, b executor.Brand, blobs blob.Store, images *imaging.Budget) (compose.Brand, error) {
	var out compose.Brand
	var err error
	if out.HeadlineFont, err = loadFont(ctx, blobs, b.HeadlineFont, true); err != nil {
		return out, err
	}
	if out.BodyFont, err = loadFont(ctx, blobs, b.BodyFont, false); err != nil {
		return out, err
	}
	if out.Primary, err = compose.ParseHex(b.PrimaryColor); err != nil {
		return out, err
	}
	if b.TextColor != nil {
		t, err := compose.ParseHex(*b.TextColor)
		if err != nil {
			return out, err
		}
		out.Text = &t
	}
	if b.LogoURL != nil && *b.LogoURL != "" {
		data, err := blobs.Get(ctx, *b.LogoURL)
		if err != nil {
			return out, fmt.Errorf("the brand kit's logo could not be read: %w", err)
		}
		logo, err := images.Decode(ctx, data)
		if err != nil {
			return out, fmt.Errorf("the brand kit's logo: %w", err)
		}
		out.Logo = shrink(logo, maxLogoSide)
	}
	return out, nil
}

// loadFont loads a bundled family's weight, or an uploaded font.
func loadFont(ctx context.Context, blobs blob.Store, ref executor.FontRef, bold bool) (*font.Font, error) {
	if ref.URL == "" {
		return fonts.Bundled(ref.ID, bold)
	}
	data, err := blobs.Get(ctx, ref.URL)
	if err != nil {
		return nil, fmt.Errorf("the brand kit's font could not be read: %w", err)
	}
	return fonts.Parse(data)
}

// maxLogoSide bounds the logo's longer side once loaded: it is drawn at
// most about 8% of a final's shorter side, and a large one would cost
// every final a full-size rescale.
const maxLogoSide = 512

// shrink scales img down so its longer side is at most side pixels.
func shrink(img image.Image, side int) image.Image {
	b := img.Bounds()
	if b.Dx() <= side && b.Dy() <= side {
		return img
	}
	w, h := side, b.Dy()*side/b.Dx()
	if b.Dy() > b.Dx() {
		w, h = b.Dx()*side/b.Dy(), side
	}
	dst := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	return dst
}
