package creatives

import (
	"context"
	"fmt"
	"math"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// OutputType is the node type of Output.
const OutputType workflow.NodeType = "OUTPUT"

// OutputConfig is OUTPUT's config: the brief's {num_images, aspect_ratio},
// or platform placements.
type OutputConfig struct {
	Placements  []string `json:"placements,omitempty" title:"Placements" doc:"Platform formats to deliver, each at its exact pixel size; empty uses the aspect ratio." maxItems:"9" uniqueItems:"true"`
	NumImages   int      `json:"num_images,omitempty" title:"Images" doc:"How many final ads to deliver (per placement, with placements)." minimum:"1" maximum:"16" default:"1"`
	AspectRatio string   `json:"aspect_ratio,omitempty" title:"Aspect ratio" doc:"The ad format when no placement is chosen; each image is delivered at its pixel size." default:"1:1"`
}

// output delivers the final ad images: {num_images, aspect_ratio or
// placements} with input {image_urls} -> {final_images, finals}. For each
// target (the ratio, or each placement) it takes the first num_images
// images of that target's ratio (any image when none has it) and delivers
// each at the target's exact pixel size, stored as new images (an image
// already that size passes through untouched). An image model that matches
// the output generated at each ratio, so at most 0.5% of a side is
// cropped; max_crop says how much was.
type output struct {
	blobs  blob.Store
	images *imaging.Budget
}

// NewOutput returns the OUTPUT executor; it decodes images within images.
func NewOutput(blobs blob.Store, images *imaging.Budget) executor.Executor {
	return executor.Typed[OutputConfig](output{blobs: blobs, images: images})
}

// Describe describes OUTPUT.
func (output) Describe() executor.Description {
	return executor.Description{Type: OutputType, Label: "Output", Icon: "images",
		Description: "The final ads: how many, in which aspect ratio or at which platforms' sizes.",
		Inputs: []executor.Port{{Name: "image_urls", Label: "Images", Kind: executor.KindImages, Required: true},
			{Name: "layout", Label: "Layout", Kind: executor.KindLayout}},
		Output: executor.FinalsOutput{}}
}

// TuneSchema lists the ratios from the imaging package and the placements
// from their catalog.
func (output) TuneSchema(s *schema.Of[OutputConfig]) {
	s.Tune("aspect_ratio", func(p *huma.Schema) { p.Enum = executor.RatioEnum(false) })
	s.Tune("placements", func(p *huma.Schema) {
		if p.Items != nil {
			p.Items.Enum = executor.AnyList(placements.IDs())
		}
	})
}

// AskedShapes are the shapes the output asks the image models feeding it
// for: each placement's size, or the ratio.
func (output) AskedShapes(c OutputConfig) []string {
	var out []string
	for _, t := range targetsOf(c) {
		out = append(out, fmt.Sprintf("%dx%d", t.width, t.height))
	}
	return out
}

// MostFinals is the most finals an Output with c delivers: num_images per
// target (each placement, or the ratio), whatever it receives.
func (output) MostFinals(c OutputConfig) int { return len(targetsOf(c)) * max(c.NumImages, 1) }

// Run delivers num_images finals per target.
func (o output) Run(ctx context.Context, r *executor.Run, c OutputConfig) (*executor.Result, error) {
	urls := executor.StringList(r.Inputs["image_urls"])
	if len(urls) == 0 {
		return nil, fmt.Errorf("no images: connect an Image model to this output")
	}
	pool, err := o.read(ctx, urls)
	if err != nil {
		return nil, err
	}
	comp, err := o.composerFor(ctx, r.Inputs["layout"])
	if err != nil {
		return nil, err
	}
	var finals []executor.FinalImage
	short := ""
	maxCrop := 0.0
	for _, t := range targetsOf(c) {
		picked := pool.pick(t, c.NumImages)
		if len(picked) < c.NumImages && short == "" {
			short = fmt.Sprintf("asked for %d images%s, received %d: connect more image models or ask them for more images", c.NumImages, t.forWhom(), len(picked))
		}
		for i, src := range picked {
			f, err := o.deliver(ctx, r, t, i, src, comp)
			if err != nil {
				return nil, err
			}
			maxCrop = max(maxCrop, f.Crop)
			finals = append(finals, f)
		}
	}
	out := executor.FinalsOutput{FinalImages: finalURLs(finals), Finals: nonNilFinals(finals), MaxCrop: math.Round(maxCrop*1000) / 1000,
		Requested: c.NumImages, Received: len(urls), Short: short}
	if len(c.Placements) == 0 {
		t := targetsOf(c)[0]
		out.AspectRatio, out.Width, out.Height = c.AspectRatio, t.width, t.height
	}
	return &executor.Result{Output: executor.OutputOf(out), Finals: records(finals, comp)}, nil
}
