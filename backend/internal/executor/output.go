package executor

import (
	"context"
	"fmt"
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
// delivers each in the ratio asked for, stored as new images; an image
// already in that ratio passes through untouched.
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
	s.Tune("aspect_ratio", func(p *huma.Schema) { p.Enum = ratioEnum() })
}

// Run keeps the first images and fits each to the ratio.
func (o output) Run(ctx context.Context, r *Run, c OutputConfig) (*Result, error) {
	urls := stringList(r.Inputs["image_urls"])
	if len(urls) == 0 {
		return nil, fmt.Errorf("no images: connect an Image model to this output")
	}
	if len(urls) > c.NumImages {
		urls = urls[:c.NumImages]
	}
	target, _ := imaging.Lookup(c.AspectRatio)
	final := make([]string, 0, len(urls))
	for i, u := range urls {
		data, err := o.blobs.Get(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("read image %d: %w", i+1, err)
		}
		fitted, changed, err := o.images.Fit(ctx, data, target)
		if err != nil {
			return nil, fmt.Errorf("image %d: %w", i+1, err)
		}
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
	return &Result{Output: map[string]any{"final_images": final, "aspect_ratio": c.AspectRatio,
		"width": target.Width, "height": target.Height}}, nil
}
