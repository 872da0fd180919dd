package executor

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// OutputType is the node type of Output.
const OutputType workflow.NodeType = "OUTPUT"

// OutputConfig is OUTPUT's config.
type OutputConfig struct {
	NumImages   int    `json:"num_images,omitempty" title:"Images" doc:"How many final ads to deliver." minimum:"1" maximum:"16" default:"1"`
	AspectRatio string `json:"aspect_ratio,omitempty" title:"Aspect ratio" doc:"The ad format; each image is delivered at its pixel size." default:"1:1"`
}

// output delivers the final ad images: {num_images, aspect_ratio} with
// input {image_urls} -> {final_images}. It keeps the first num_images and
// delivers each at the ratio's exact pixel size, stored as new images (an
// image already that size passes through untouched). An image model that
// matches the output generated at that ratio, so at most 0.5% of a side
// is cropped; max_crop says how much was.
type output struct {
	blobs  blob.Store
	images *imaging.Budget
}

// NewOutput returns the OUTPUT executor; it decodes images within images.
func NewOutput(blobs blob.Store, images *imaging.Budget) Executor {
	return Typed[OutputConfig](output{blobs: blobs, images: images})
}

// Describe describes OUTPUT.
func (output) Describe() Description {
	return Description{Type: OutputType, Label: "Output", Icon: "images",
		Description: "The final ads: how many, and in which aspect ratio.",
		Inputs:      []Port{{Name: "image_urls", Label: "Images", Kind: KindImages, Required: true}},
		Outputs:     []Port{{Name: "final_images", Label: "Final images", Kind: KindImages}}}
}

// TuneSchema lists the ratios from the imaging package.
func (output) TuneSchema(s *schema.Of[OutputConfig]) {
	s.Tune("aspect_ratio", func(p *huma.Schema) { p.Enum = ratioEnum(false) })
}

// AskedRatio is the ratio the output asks the image model feeding it for.
func (output) AskedRatio(c OutputConfig) string { return c.AspectRatio }

// Run keeps the first images and fits each to the ratio.
func (o output) Run(ctx context.Context, r *Run, c OutputConfig) (*Result, error) {
	urls := stringList(r.Inputs["image_urls"])
	if len(urls) == 0 {
		return nil, fmt.Errorf("no images: connect an Image model to this output")
	}
	received := len(urls)
	if len(urls) > c.NumImages {
		urls = urls[:c.NumImages]
	}
	target, _ := imaging.Lookup(c.AspectRatio)
	final := make([]string, 0, len(urls))
	maxCrop := 0.0
	for i, u := range urls {
		data, err := o.blobs.Get(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("read image %d: %w", i+1, err)
		}
		fitted, crop, changed, err := o.images.Cover(ctx, data, target.Width, target.Height, imaging.PNG)
		if err != nil {
			return nil, fmt.Errorf("image %d: %w", i+1, err)
		}
		maxCrop = max(maxCrop, crop)
		if !changed {
			final = append(final, u)
			continue
		}
		key := fmt.Sprintf("outputs/%s/%s-%d-%s", r.ExecutionID, r.NodeID, i, strings.NewReplacer(":", "x", ".", "_").Replace(c.AspectRatio))
		url, err := o.blobs.Put(ctx, key, "image/png", fitted)
		if err != nil {
			return nil, Retryable(fmt.Errorf("store image %d: %w", i+1, err))
		}
		final = append(final, url)
	}
	out := map[string]any{"final_images": final, "aspect_ratio": c.AspectRatio, "width": target.Width, "height": target.Height,
		"max_crop": math.Round(maxCrop*1000) / 1000, "requested": c.NumImages, "received": received}
	if received < c.NumImages {
		out["short"] = fmt.Sprintf("asked for %d images, received %d: connect more image models or ask them for more images", c.NumImages, received)
	}
	return &Result{Output: out}, nil
}
