package executor

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// sizePhoto replaces the input photo's URL with the photo itself, scaled
// and centre-cropped to the planned size, as a JPEG data URI (which FAL
// accepts). Image-to-image endpoints make their output at the input's size
// (flux dev image-to-image takes no image_size), so this is what makes them
// generate at the ratio and size planned, and bill what was estimated. An
// uploaded photo (a relative /files URL) could not be fetched by FAL anyway.
func (m imageModel) sizePhoto(ctx context.Context, input map[string]any, size imagemodel.NamedSize) error {
	u, ok := input["image_url"].(string)
	if !ok || m.Preview {
		return nil
	}
	data, err := m.readPhoto(ctx, u)
	if err != nil {
		return err
	}
	if m.Images != nil && size.Width > 0 {
		if data, _, _, err = m.Images.Cover(ctx, data, size.Width, size.Height, imaging.JPEG); err != nil {
			return fmt.Errorf("the input image: %w", err)
		}
	}
	input["image_url"] = "data:" + http.DetectContentType(data) + ";base64," + base64.StdEncoding.EncodeToString(data)
	return nil
}

// readPhoto reads an uploaded or stored photo from our storage, and a
// linked one from the web (public addresses only).
func (m imageModel) readPhoto(ctx context.Context, u string) ([]byte, error) {
	if strings.HasPrefix(u, "/") {
		data, err := m.Blobs.Get(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("the uploaded image could not be read: %w", err)
		}
		return data, nil
	}
	if data, err := m.Blobs.Get(ctx, u); err == nil {
		return data, nil // one of our stored images
	}
	if m.Downloads == nil {
		return nil, fmt.Errorf("the input image %s cannot be fetched here", u)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	data, _, err := fetch.Get(ctx, m.Downloads, u, blob.MaxSize)
	switch {
	case errors.Is(err, fetch.ErrPrivate):
		return nil, fmt.Errorf("the input image: %w", err)
	case err != nil:
		return nil, Retryable(fmt.Errorf("the input image could not be fetched: %w", err))
	}
	return data, nil
}
