package httpapi

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// UploadInput is a multipart form with one image.
type UploadInput struct {
	RawBody huma.MultipartFormFiles[struct {
		Image huma.FormFile `form:"image" contentType:"image/png,image/jpeg,image/webp" required:"true" doc:"PNG, JPEG or WebP, at most 20 MB"`
	}]
}

// UploadOutput answers with the stored image's URL, for IMAGE_INPUT.
type UploadOutput struct {
	Body struct {
		URL    string `json:"url"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	}
}

// UploadLimits bound one user's uploads.
type UploadLimits struct {
	Images     *imaging.Budget // sizes and decodes uploads
	QuotaCount int             // uploads kept per user
	QuotaBytes int64           // bytes kept per user
}

// room refuses a file of size bytes that would take user past the upload
// quota (images and fonts count together).
func (lim UploadLimits) room(ctx context.Context, st *store.Store, user string, size int) error {
	count, used, err := st.UploadUsage(ctx, user)
	if err != nil {
		return err
	}
	if count >= lim.QuotaCount || used+int64(size) > lim.QuotaBytes {
		return fault.TooLarge("your uploads are at their limit (%d files, %d MB): %d files and %d MB are used",
			lim.QuotaCount, lim.QuotaBytes>>20, count, (used+(1<<20)-1)>>20)
	}
	return nil
}

// handleUpload stores an image after checking that it is one (its real
// type from its bytes, its dimensions from its header, within the pixel
// budget) and that the user's quota has room for it.
func handleUpload(st *store.Store, blobs blob.Store, lim UploadLimits, log *slog.Logger) func(context.Context, *UploadInput) (*UploadOutput, error) {
	return func(ctx context.Context, in *UploadInput) (*UploadOutput, error) {
		user := userOf(ctx)
		f := in.RawBody.Data().Image
		data, err := io.ReadAll(io.LimitReader(f, blob.MaxSize+1))
		if err != nil {
			return nil, huma.Error400BadRequest("the upload could not be read")
		}
		ctype := http.DetectContentType(data)
		bad := func(msg string) error {
			return problem(log, fault.Invalid(msg, fault.Field{Location: "image", Message: msg}))
		}
		if !strings.HasPrefix(ctype, "image/") {
			return nil, bad(fmt.Sprintf("the file is not a PNG, JPEG or WebP image (it reads as %s)", strings.SplitN(ctype, ";", 2)[0]))
		}
		if _, err := blob.Check(ctype, len(data)); err != nil {
			return nil, bad(err.Error())
		}
		info, err := lim.Images.Inspect(data)
		if err != nil {
			return nil, bad(err.Error())
		}
		if _, err := lim.Images.Decode(ctx, data); err != nil { // the whole file, not just its header
			return nil, bad(err.Error())
		}
		if err := lim.room(ctx, st, user, len(data)); err != nil {
			return nil, problem(log, err)
		}
		id := workflow.NewID()
		url, err := blobs.Put(ctx, "uploads/"+user+"/"+id, ctype, data)
		if err != nil {
			return nil, problem(log, fmt.Errorf("store upload: %w", err))
		}
		up := store.Upload{ID: id, UserID: user, URL: url, ContentType: ctype, Bytes: int64(len(data)), Width: info.Width, Height: info.Height}
		if err := st.CreateUpload(ctx, up); err != nil {
			return nil, problem(log, err)
		}
		out := &UploadOutput{}
		out.Body.URL, out.Body.Width, out.Body.Height = url, info.Width, info.Height
		return out, nil
	}
}
