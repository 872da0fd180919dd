package httpapi

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"log/slog"
	"time"

	"github.com/danielgtaylor/huma/v2"
	xdraw "golang.org/x/image/draw"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// LayoutPreviewInput is an AD_LAYOUT config to preview at one placement.
type LayoutPreviewInput struct {
	Body struct {
		Placement    string        `json:"placement" doc:"A placement id of GET /api/placements."`
		Headline     string        `json:"headline" maxLength:"300"`
		Subline      string        `json:"subline,omitempty" maxLength:"500"`
		CTA          string        `json:"cta,omitempty" maxLength:"60"`
		BrandKitID   string        `json:"brand_kit_id,omitempty"`
		Kit          *BrandKitBody `json:"kit,omitempty" doc:"A kit's settings as the brand kit page edits them, before they are saved (instead of brand_kit_id)."`
		TextPosition string        `json:"text_position,omitempty" enum:"auto,top,bottom,centre"`
		LogoPosition string        `json:"logo_position,omitempty" enum:"auto,top-left,top-right,bottom-left,bottom-right,none"`
		Scrim        string        `json:"scrim,omitempty" enum:"auto,on,off"`
		Width        int           `json:"width,omitempty" minimum:"64" maximum:"1080" default:"360" doc:"The preview's width in pixels (it keeps the placement's shape)."`
	}
}

// handleLayoutPreview draws a layout on the sample picture at a placement's
// size, as the Output will draw it, and answers a small PNG: the editor's
// live preview. Templates are shown as written.
func handleLayoutPreview(st *store.Store, blobs blob.Store, images *imaging.Budget, log *slog.Logger) func(context.Context, *LayoutPreviewInput) (*huma.StreamResponse, error) {
	drawing := newGate(previewSlots, "previews") // composing takes a core for about 0.1 s: a few at a time in all
	return func(ctx context.Context, in *LayoutPreviewInput) (*huma.StreamResponse, error) {
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		release, err := drawing.enter(ctx, userOf(ctx))
		if err != nil {
			return nil, problem(log, err)
		}
		defer release()
		b := in.Body
		p, ok := placements.Get(b.Placement)
		if !ok {
			return nil, problem(log, fault.Invalid("unknown placement", fault.Field{Location: "placement", Message: "choose a placement of GET /api/placements"}))
		}
		brand, err := previewBrand(ctx, st, blobs, images, userOf(ctx), b.BrandKitID, b.Kit)
		if err != nil {
			return nil, problem(log, err)
		}
		sample, _ := imaging.SampleProduct()
		img, _, _, err := images.CoverImage(ctx, sample, p.Width, p.Height)
		if err != nil {
			return nil, problem(log, err)
		}
		x0, y0, x1, y1 := p.Box()
		_, err = compose.Compose(ctx, img, compose.Spec{Copy: compose.Copy{Headline: b.Headline, Subline: b.Subline, CTA: b.CTA}, Brand: brand,
			TextPosition: b.TextPosition, LogoPosition: b.LogoPosition, Scrim: b.Scrim, Safe: image.Rect(x0, y0, x1, y1), For: p.Describe()})
		if err != nil && ctx.Err() != nil { // the client left, or the drawing ran past its time
			return nil, problem(log, fault.TooMany("the preview took too long to draw; ask again"))
		}
		if err != nil {
			return nil, problem(log, fault.Invalid(err.Error(), fault.Field{Location: "headline", Message: err.Error()}))
		}
		small := image.NewRGBA(image.Rect(0, 0, b.Width, b.Width*p.Height/p.Width))
		xdraw.ApproxBiLinear.Scale(small, small.Bounds(), img, img.Bounds(), xdraw.Src, nil)
		var buf bytes.Buffer
		if err := png.Encode(&buf, small); err != nil {
			return nil, problem(log, err)
		}
		return &huma.StreamResponse{Body: func(hc huma.Context) {
			hc.SetHeader("Content-Type", "image/png")
			hc.SetHeader("Cache-Control", "no-store")
			_, _ = hc.BodyWriter().Write(buf.Bytes())
		}}, nil
	}
}

// previewSlots is how many previews are drawn at once in this process.
const previewSlots = 2

// previewBrand loads the kit a preview draws with: unsaved settings (a
// logo or font that is not the user's is a 422 at its field), else the
// user's saved kit (another user's is a 422 at the field), else the
// default look.
func previewBrand(ctx context.Context, st *store.Store, blobs blob.Store, images *imaging.Budget, user, id string, draft *BrandKitBody) (compose.Brand, error) {
	b := executor.DefaultBrand
	if draft != nil {
		kit, err := kitOf(ctx, st, user, *draft, "kit")
		if err != nil {
			return compose.Brand{}, err
		}
		if b, err = creatives.BrandOf(ctx, kit, st); err != nil {
			return compose.Brand{}, err
		}
	} else if id != "" {
		kit, err := st.KitToDraw(ctx, user, id)
		if err != nil {
			return compose.Brand{}, fault.Invalid("unknown brand kit", fault.Field{Location: "brand_kit_id", Message: "choose one of your brand kits"})
		}
		if b, err = creatives.BrandOf(ctx, kit, st); err != nil {
			return compose.Brand{}, err
		}
	}
	return creatives.LoadBrand(ctx, b, blobs, images)
}
