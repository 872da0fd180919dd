package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
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
		URL string `json:"url"`
	}
}

// handleUpload stores a product photo after checking its real type and size.
func handleUpload(blobs blob.Store, log *slog.Logger) func(context.Context, *UploadInput) (*UploadOutput, error) {
	return func(ctx context.Context, in *UploadInput) (*UploadOutput, error) {
		f := in.RawBody.Data().Image
		data, err := io.ReadAll(io.LimitReader(f, blob.MaxSize+1))
		if err != nil {
			return nil, huma.Error400BadRequest("the upload could not be read")
		}
		ctype := http.DetectContentType(data)
		if _, err := blob.Check(ctype, len(data)); err != nil {
			return nil, huma.Error422UnprocessableEntity(err.Error(), &huma.ErrorDetail{Location: "body.image", Message: err.Error()})
		}
		url, err := blobs.Put(ctx, "uploads/"+userOf(ctx)+"/"+workflow.NewID(), ctype, data)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &UploadOutput{}
		out.Body.URL = url
		return out, nil
	}
}
