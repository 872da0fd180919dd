package httpapi

import (
	"context"
	"log/slog"
	"regexp"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// BrandKitBody is what POST /api/brand-kits takes, and what PATCH patches.
type BrandKitBody struct {
	Name         string  `json:"name" minLength:"1" maxLength:"100"`
	LogoURL      *string `json:"logo_url,omitempty" maxLength:"2048" doc:"An image you uploaded (POST /api/uploads); null for none."`
	PrimaryColor string  `json:"primary_color" pattern:"^#[0-9a-fA-F]{6}$" patternDescription:"a colour as #rrggbb" doc:"The call-to-action button's colour."`
	TextColor    *string `json:"text_color,omitempty" pattern:"^#[0-9a-fA-F]{6}$" patternDescription:"a colour as #rrggbb" doc:"The text colour, kept on a scrim where the picture needs one to read at 4.5:1 (white or black only when even that cannot); left out, contrast chooses white or black."`
	HeadlineFont string  `json:"headline_font,omitempty" maxLength:"100" default:"inter" doc:"A bundled family (GET /api/fonts) or the id of a font you uploaded."`
	BodyFont     string  `json:"body_font,omitempty" maxLength:"100" default:"inter" doc:"As headline_font, for the subline."`
}

// BrandKitInput is a body for creating a kit.
type BrandKitInput struct {
	Body BrandKitBody
}

// BrandKitID names a kit.
type BrandKitID struct {
	ID string `path:"id" format:"uuid"`
}

// BrandKitOutput answers with one kit.
type BrandKitOutput struct {
	Body workflow.BrandKit
}

// BrandKitsOutput answers GET /api/brand-kits.
type BrandKitsOutput struct {
	Body struct {
		BrandKits []workflow.BrandKit `json:"brand_kits"`
	}
}

// hex is a colour as the schema allows it.
var hex = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// kitOf checks a body against what the user owns (fonts, logo) and makes
// the kit; a font or logo that is not theirs is a 422 at its field (under
// at, the body's location in the request).
func kitOf(ctx context.Context, st *store.Store, user string, b BrandKitBody, at string) (workflow.BrandKit, error) {
	k := workflow.BrandKit{UserID: user, Name: strings.TrimSpace(b.Name), LogoURL: b.LogoURL,
		PrimaryColor: strings.ToLower(b.PrimaryColor), HeadlineFont: b.HeadlineFont, BodyFont: b.BodyFont}
	var errs []fault.Field
	if k.Name == "" {
		errs = append(errs, fault.Field{Location: "name", Message: "give the kit a name"})
	}
	if b.TextColor != nil && hex.MatchString(*b.TextColor) {
		c := strings.ToLower(*b.TextColor)
		k.TextColor = &c
	}
	for field, id := range map[string]string{"headline_font": k.HeadlineFont, "body_font": k.BodyFont} {
		if !knownFont(ctx, st, user, id) {
			errs = append(errs, fault.Field{Location: field, Message: "choose a bundled family (" + strings.Join(fonts.IDs(), ", ") + ") or a font you uploaded"})
		}
	}
	if k.LogoURL != nil && *k.LogoURL != "" {
		if _, err := st.UploadOf(ctx, user, *k.LogoURL); err != nil {
			errs = append(errs, fault.Field{Location: "logo_url", Message: "upload the logo first (POST /api/uploads) and use the URL it answers"})
		}
	} else {
		k.LogoURL = nil
	}
	if len(errs) > 0 {
		return k, fault.Invalid("the brand kit is not valid", fault.Prefix(at, errs)...)
	}
	return k, nil
}

// knownFont reports whether id is a bundled family or one of user's fonts.
func knownFont(ctx context.Context, st *store.Store, user, id string) bool {
	for _, f := range fonts.IDs() {
		if f == id {
			return true
		}
	}
	_, err := st.GetFont(ctx, user, id)
	return err == nil
}

// handleCreateKit creates a brand kit.
func handleCreateKit(st *store.Store, log *slog.Logger) func(context.Context, *BrandKitInput) (*BrandKitOutput, error) {
	return func(ctx context.Context, in *BrandKitInput) (*BrandKitOutput, error) {
		k, err := kitOf(ctx, st, userOf(ctx), in.Body, "")
		if err == nil {
			err = st.SaveBrandKit(ctx, &k)
		}
		if err != nil {
			return nil, problem(log, err)
		}
		return &BrandKitOutput{Body: k}, nil
	}
}

// handlePatchKit changes the fields of a kit that the merge patch gives:
// the owner is checked first, then the merged kit is validated as POST
// validates a new one, and nothing is saved when it is refused.
func handlePatchKit(st *store.Store, kits merger[BrandKitBody], log *slog.Logger) func(context.Context, *PatchInput) (*BrandKitOutput, error) {
	return func(ctx context.Context, in *PatchInput) (*BrandKitOutput, error) {
		old, err := st.GetBrandKit(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		b, err := kits.apply(in, BrandKitBody{Name: old.Name, LogoURL: old.LogoURL, PrimaryColor: old.PrimaryColor,
			TextColor: old.TextColor, HeadlineFont: old.HeadlineFont, BodyFont: old.BodyFont})
		if err != nil {
			return nil, err
		}
		k, err := kitOf(ctx, st, userOf(ctx), b, "")
		if err == nil {
			k.ID, k.CreatedAt = old.ID, old.CreatedAt
			err = st.SaveBrandKit(ctx, &k)
		}
		if err != nil {
			return nil, problem(log, err)
		}
		return &BrandKitOutput{Body: k}, nil
	}
}

// handleGetKit reads one of the user's kits.
func handleGetKit(st *store.Store, log *slog.Logger) func(context.Context, *BrandKitID) (*BrandKitOutput, error) {
	return func(ctx context.Context, in *BrandKitID) (*BrandKitOutput, error) {
		k, err := st.GetBrandKit(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		return &BrandKitOutput{Body: k}, nil
	}
}

// handleListKits lists the user's kits.
func handleListKits(st *store.Store, log *slog.Logger) func(context.Context, *struct{}) (*BrandKitsOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*BrandKitsOutput, error) {
		list, err := st.ListBrandKits(ctx, userOf(ctx))
		if err != nil {
			return nil, problem(log, err)
		}
		out := &BrandKitsOutput{}
		out.Body.BrandKits = list
		return out, nil
	}
}

// handleDeleteKit deletes one of the user's kits.
func handleDeleteKit(st *store.Store, log *slog.Logger) func(context.Context, *BrandKitID) (*struct{}, error) {
	return func(ctx context.Context, in *BrandKitID) (*struct{}, error) {
		if err := st.DeleteBrandKit(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		return nil, nil
	}
}
