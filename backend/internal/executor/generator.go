package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// Image is one generated image.
type Image struct {
	Data          []byte
	ContentType   string
	Width, Height int
}

// Request is one generation: the model, FAL's endpoint and input, and the
// size and count of the images asked for.
type Request struct {
	Model         imagemodel.Model
	Endpoint      string
	Input         map[string]any
	Width, Height int
	Count         int
}

// Generator makes images for IMAGE_MODEL: FAL, or the local preview.
type Generator interface {
	Generate(ctx context.Context, r *Run, req Request) ([]Image, error)
}

// Preview renders labelled local images: no account needed, cost 0.
type Preview struct{}

// Generate draws one preview per requested image at the requested size.
func (Preview) Generate(_ context.Context, _ *Run, req Request) ([]Image, error) {
	out := make([]Image, 0, req.Count)
	prompt, _ := req.Input["prompt"].(string)
	for i := range req.Count {
		data, err := imaging.Preview(prompt, req.Model.ID, i, req.Width, req.Height)
		if err != nil {
			return nil, err
		}
		out = append(out, Image{Data: data, ContentType: "image/png", Width: req.Width, Height: req.Height})
	}
	return out, nil
}

// FAL generates through FAL's queue. The request handle is checkpointed
// before waiting, so a later run polls the same request, never pays twice.
type FAL struct {
	Client *fal.Client
	// Downloads fetches result images; it must refuse private addresses
	// (fetch.Client).
	Downloads *http.Client
	Images    *imaging.Budget // sizes result images
	PollEvery time.Duration   // between status checks; default 300 ms
}

// Generate submits the request and checkpoints its handle, then (in later
// runs of the node) checks it once per run until FAL has finished, and
// downloads the images. Each run is short: waiting is Pending, not blocking.
func (f FAL) Generate(ctx context.Context, r *Run, req Request) ([]Image, error) {
	var h fal.Handle
	if len(r.Checkpoint) == 0 || json.Unmarshal(r.Checkpoint, &h) != nil || h.RequestID == "" {
		var err error
		if h, err = f.Client.Submit(ctx, req.Endpoint, req.Input); err != nil {
			return nil, falError(err)
		}
		b, _ := json.Marshal(h)
		if err := r.SaveCheckpoint(ctx, b); err != nil {
			return nil, Retryable(fmt.Errorf("save FAL request id: %w", err))
		}
		return nil, Wait(f.every())
	}
	done, raw, err := f.Client.Poll(ctx, h)
	if err != nil {
		return nil, falError(err)
	}
	if !done {
		return nil, Wait(f.every())
	}
	var res struct {
		Images []struct {
			URL    string `json:"url"`
			Width  int    `json:"width"`
			Height int    `json:"height"`
		} `json:"images"`
	}
	if err := json.Unmarshal(raw, &res); err != nil || len(res.Images) == 0 {
		return nil, fmt.Errorf("fal: the result of %s has no images", h.RequestID)
	}
	out := make([]Image, 0, len(res.Images))
	for _, im := range res.Images {
		img, err := f.download(ctx, im.URL)
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, nil
}

// CancelOutside cancels the checkpointed FAL request of a run that ended.
func (f FAL) CancelOutside(ctx context.Context, checkpoint json.RawMessage) {
	var h fal.Handle
	if json.Unmarshal(checkpoint, &h) == nil && h.RequestID != "" {
		_ = f.Client.Cancel(ctx, h)
	}
}

// every is how long to wait between status checks (FAL's clients poll
// every 0.1 to 0.5 s).
func (f FAL) every() time.Duration {
	if f.PollEvery > 0 {
		return f.PollEvery
	}
	return 300 * time.Millisecond
}

// download fetches one result image (FAL's URLs expire, so we keep a copy)
// and sizes it from its header.
func (f FAL) download(ctx context.Context, url string) (Image, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	data, ctype, err := fetch.Get(ctx, f.Downloads, url, blob.MaxSize)
	if errors.Is(err, fetch.ErrPrivate) {
		return Image{}, fmt.Errorf("fal: %w", err)
	}
	if err != nil {
		return Image{}, Retryable(fmt.Errorf("fal: %w", err))
	}
	info, err := f.Images.Inspect(data)
	if err != nil {
		return Image{}, fmt.Errorf("fal: a result image: %w", err)
	}
	return Image{Data: data, ContentType: ctype, Width: info.Width, Height: info.Height}, nil
}

// falError marks FAL's retryable failures for the engine.
func falError(err error) error {
	var fe *fal.Error
	if errors.As(err, &fe) && fe.Retryable {
		return Retryable(err)
	}
	return err
}
