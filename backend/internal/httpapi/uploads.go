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
		ID     string `json:"id" doc:"The upload's id, to delete it (DELETE /api/uploads/{id})."`
		URL    string `json:"url" doc:"Where the image is served: an opaque path, naming no user."`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	}
}

// UploadLimits bound one user's uploads.
type UploadLimits struct {
	Images *imaging.Budget // sizes and decodes uploads
	Quota  store.Quota     // files and bytes kept per user, images and fonts together
}

// FileSweeper deletes from storage the files no row holds any more.
type FileSweeper interface {
	Sweep(ctx context.Context)
}

// keepUpload stores data at a new opaque path and records its URL with add
// (which checks the quota again, under the user's lock); what add refuses
// is deleted from storage again.
func keepUpload(ctx context.Context, blobs blob.Store, ctype string, data []byte, add func(url string) error, log *slog.Logger) error {
	url, err := blobs.Put(ctx, blob.NewKey(), ctype, data)
	if err != nil {
		return fmt.Errorf("store upload: %w", err)
	}
	if err := add(url); err != nil {
		if derr := blobs.Delete(context.WithoutCancel(ctx), url); derr != nil {
			log.Warn("files: delete a refused upload", "err", derr) // the start-up sweep removes it
		}
		return err
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
		if err := st.Room(ctx, user, int64(len(data)), lim.Quota); err != nil {
			return nil, problem(log, err) // before anything is stored
		}
		up := store.Upload{ID: workflow.NewID(), UserID: user, ContentType: ctype, Bytes: int64(len(data)), Width: info.Width, Height: info.Height}
		err = keepUpload(ctx, blobs, ctype, data, func(url string) error {
			up.URL = url
			return st.AddUpload(ctx, up, lim.Quota)
		}, log)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &UploadOutput{}
		out.Body.ID, out.Body.URL, out.Body.Width, out.Body.Height = up.ID, up.URL, info.Width, info.Height
		return out, nil
	}
}

// UploadID names an upload.
type UploadID struct {
	ID string `path:"id" format:"uuid"`
}

// handleDeleteUpload deletes one of the caller's uploads and its file; one
// a brand kit shows as its logo is refused (409) naming the kit.
func handleDeleteUpload(st *store.Store, files FileSweeper, log *slog.Logger) func(context.Context, *UploadID) (*struct{}, error) {
	return func(ctx context.Context, in *UploadID) (*struct{}, error) {
		if err := st.DeleteUpload(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		files.Sweep(ctx)
		return nil, nil
	}
}
