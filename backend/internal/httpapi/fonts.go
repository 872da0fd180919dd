package httpapi

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"unicode"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// FontsOutput answers GET /api/fonts: the bundled families and the user's.
type FontsOutput struct {
	Body struct {
		Bundled  []fonts.Family  `json:"bundled"`
		Uploaded []workflow.Font `json:"uploaded"`
	}
}

// handleFonts lists the fonts a brand kit may use.
func handleFonts(st *store.Store, log *slog.Logger) func(context.Context, *struct{}) (*FontsOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*FontsOutput, error) {
		list, err := st.ListFonts(ctx, userOf(ctx))
		if err != nil {
			return nil, problem(log, err)
		}
		out := &FontsOutput{}
		out.Body.Bundled, out.Body.Uploaded = fonts.Families(), list
		return out, nil
	}
}

// FontUploadInput is a multipart form with one font file and its name.
type FontUploadInput struct {
	RawBody huma.MultipartFormFiles[struct {
		Font huma.FormFile `form:"font" contentType:"font/ttf,font/otf,application/octet-stream,application/font-sfnt" required:"true" doc:"A TTF or OTF font, at most 10 MB"`
		Name string        `form:"name" required:"false" doc:"The family's name as you want to see it (the file's name when left out)"`
	}]
}

// FontOutput answers with the stored font.
type FontOutput struct {
	Body workflow.Font
}

// handleFontUpload stores a font after parsing it: what cannot be parsed,
// or cannot set basic Latin, is refused with a 422 and nothing is stored.
func handleFontUpload(st *store.Store, blobs blob.Store, lim UploadLimits, log *slog.Logger) func(context.Context, *FontUploadInput) (*FontOutput, error) {
	return func(ctx context.Context, in *FontUploadInput) (*FontOutput, error) {
		user := userOf(ctx)
		form := in.RawBody.Data()
		data, err := io.ReadAll(io.LimitReader(form.Font, fonts.MaxBytes+1))
		if err != nil {
			return nil, huma.Error400BadRequest("the upload could not be read")
		}
		if _, err := fonts.Parse(data); err != nil {
			return nil, problem(log, fault.Invalid(err.Error(), fault.Field{Location: "font", Message: err.Error()}))
		}
		name := cleanName(form.Name)
		if name == "" {
			name = cleanName(strings.TrimSuffix(strings.TrimSuffix(form.Font.Filename, ".ttf"), ".otf"))
		}
		if name == "" {
			name = "Uploaded font"
		}
		ctype, ok := fontType(data)
		if !ok {
			msg := "the file is not a TTF or OTF font"
			return nil, problem(log, fault.Invalid(msg, fault.Field{Location: "font", Message: msg}))
		}
		if err := st.Room(ctx, user, int64(len(data)), lim.Quota); err != nil {
			return nil, problem(log, err) // before anything is stored
		}
		f := workflow.Font{ID: workflow.NewID(), UserID: user, Name: name, Bytes: int64(len(data))}
		err = keepUpload(ctx, blobs, ctype, data, func(url string) error {
			f.URL = url
			return st.AddFont(ctx, &f, lim.Quota)
		}, log)
		if err != nil {
			return nil, problem(log, err)
		}
		return &FontOutput{Body: f}, nil
	}
}

// fontTypes are the content types of the font files fonts.Parse reads, by
// their first four bytes: TrueType outlines or CFF ones (the stored name's
// extension follows, blob.Check). Any other file is refused, never stored
// under a name that is not what it is.
var fontTypes = map[string]string{"\x00\x01\x00\x00": "font/ttf", "true": "font/ttf", "OTTO": "font/otf"}

// fontType is the content type of a font file, from what it is.
func fontType(data []byte) (string, bool) {
	if len(data) < 4 {
		return "", false
	}
	t, ok := fontTypes[string(data[:4])]
	return t, ok
}

// PlacementsOutput answers GET /api/placements.
type PlacementsOutput struct {
	Body struct {
		Placements []placements.Placement `json:"placements"`
	}
}

// handlePlacements lists the platform formats an Output can deliver.
func handlePlacements() func(context.Context, *struct{}) (*PlacementsOutput, error) {
	return func(context.Context, *struct{}) (*PlacementsOutput, error) {
		out := &PlacementsOutput{}
		out.Body.Placements = placements.All()
		return out, nil
	}
}

// cleanName keeps a name printable: valid UTF-8, no control characters,
// trimmed, at most 100 characters.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100])
	}
	return s
}

// FontID names a font.
type FontID struct {
	ID string `path:"id" format:"uuid"`
}

// handleDeleteFont deletes one of the caller's fonts and its file; one a
// brand kit still uses is refused (409) naming the kit.
func handleDeleteFont(st *store.Store, files FileSweeper, log *slog.Logger) func(context.Context, *FontID) (*struct{}, error) {
	return func(ctx context.Context, in *FontID) (*struct{}, error) {
		if err := st.DeleteFont(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		files.Sweep(ctx)
		return nil, nil
	}
}
