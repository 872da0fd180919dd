package executor

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// Image is one generated image. A flagged image (FAL's safety checker
// found it not safe for work) has no data: it is counted, billed, and
// never delivered.
type Image struct {
	Data          []byte
	ContentType   string
	Width, Height int
	Flagged       bool
}

// Generated is what a generation returned: its images and, when FAL said
// it, the quantity billed (x-fal-billable-units).
type Generated struct {
	Images        []Image
	BillableUnits *float64
	// Seed is the seed FAL used (it says so in its result), so a picture
	// can be made again.
	Seed *int64
}

// Request is one generation: the model, FAL's endpoint and input, and the
// size and count of the images asked for.
type Request struct {
	Model    imagemodel.Model
	Endpoint string
	// Input is the request as planned (a photo by our URL).
	Input         map[string]any
	Width, Height int
	Count         int
	// PlannedUSD is what the request is planned to cost (0 in preview).
	PlannedUSD float64
	// Ready, when set, makes the input to send (the photo sized and inlined);
	// it is called only when the request is sent, never on a wake.
	Ready func(ctx context.Context) (map[string]any, error)
}

// Generator makes images for IMAGE_MODEL: FAL, or the local preview. It
// makes every request of a node run (one per ratio) and returns what each
// made, in order.
type Generator interface {
	Generate(ctx context.Context, r *Run, reqs []Request) ([]*Generated, error)
}

// Preview renders labelled local images: no account needed, cost 0.
type Preview struct{}

// Generate draws one preview per requested image at the requested size.
func (Preview) Generate(_ context.Context, _ *Run, reqs []Request) ([]*Generated, error) {
	var all []*Generated
	for _, req := range reqs {
		out := make([]Image, 0, req.Count)
		prompt, _ := req.Input["prompt"].(string)
		for i := range req.Count {
			data, err := imaging.Preview(prompt, req.Model.ID, i, req.Width, req.Height)
			if err != nil {
				return nil, err
			}
			out = append(out, Image{Data: data, ContentType: "image/png", Width: req.Width, Height: req.Height})
		}
		all = append(all, &Generated{Images: out})
	}
	return all, nil
}
