package executor

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	promptpkg "github.com/visualadgen/visualadgen/backend/internal/prompt"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ImageModelType is the node type of the image model.
const ImageModelType workflow.NodeType = "IMAGE_MODEL"

// ImageModelConfig is IMAGE_MODEL's config: the brief's {model, parameters}.
type ImageModelConfig struct {
	Model      string           `json:"model,omitempty" title:"Model"`
	Parameters ImageModelParams `json:"parameters,omitempty" title:"Parameters"`
}

// imageModel generates images from a prompt (and optionally a product
// photo): inputs {prompt, image_url?} -> {image_urls, cost}. Images are
// copied into our storage and the generation is recorded with its cost.
type imageModel struct {
	models  *imagemodel.Table
	gen     Generator
	blobs   blob.Store
	preview bool // the generator is the local preview: cost 0
}

// NewImageModel returns the IMAGE_MODEL executor for the models of t;
// preview says gen is the local preview renderer (everything costs 0).
func NewImageModel(t *imagemodel.Table, gen Generator, blobs blob.Store, preview bool) Executor {
	return Typed[ImageModelConfig](imageModel{models: t, gen: gen, blobs: blobs, preview: preview})
}

// Describe describes IMAGE_MODEL.
func (imageModel) Describe() Description {
	return Description{Type: ImageModelType, Label: "Image model", Icon: "sparkles",
		Description: "Generates images with FAL AI (FLUX schnell, FLUX dev, Stable Diffusion XL).",
		Inputs: []Port{{Name: "prompt", Label: "Prompt", Kind: KindText, Required: true},
			{Name: "image_url", Label: "Image", Kind: KindImage}},
		Outputs: []Port{{Name: "image_urls", Label: "Images", Kind: KindImages}}}
}

// TuneSchema sets the model list, the ratios and sizes, and each
// parameter's widest range from the model table, and serves every model's
// own ranges as x-models.
func (m imageModel) TuneSchema(s *schema.Of[ImageModelConfig]) {
	ids := m.models.IDs()
	s.Tune("model", func(p *huma.Schema) {
		p.Enum, p.Default = anyList(ids), ids[0]
	})
	s.Tune("parameters.aspect_ratio", func(p *huma.Schema) { p.Enum = ratioEnum() })
	s.Tune("parameters.image_size", func(p *huma.Schema) { p.Enum = anyList(imagemodel.SizeNames()) })
	for _, name := range []string{"num_images", "num_inference_steps", "guidance_scale", "strength"} {
		lo, hi := m.models.Bounds(name)
		s.Tune("parameters."+name, func(p *huma.Schema) { p.Minimum, p.Maximum = lo, hi })
	}
	s.Extend("x-models", servedModels(m.models))
}

// Check validates the model and its parameters against the endpoint the
// node will use: image-to-image when a photo is connected.
func (m imageModel) Check(c *ImageModelConfig, w Wiring) []fault.Field {
	model, ok := m.models.Get(c.Model)
	if !ok {
		return []fault.Field{{Location: "model", Message: "choose one of " + strings.Join(m.models.IDs(), ", ")}}
	}
	e, _, ok := model.Endpoint(w.Has("image_url"))
	if !ok {
		return []fault.Field{{Location: "model", Message: fmt.Sprintf("%s cannot start from an input image: disconnect the image or choose another model", model.Label)}}
	}
	return c.Parameters.check(model, e)
}

// Estimate is what one run of the config costs before it runs.
func (m imageModel) Estimate(c ImageModelConfig, w Wiring) (float64, error) {
	if m.preview {
		return 0, nil
	}
	model, _ := m.models.Get(c.Model)
	e, price, _ := model.Endpoint(w.Has("image_url"))
	size := c.Parameters.size()
	sizes := make([]cost.Size, c.Parameters.count(e))
	for i := range sizes {
		sizes[i] = cost.Size{Width: size.Width, Height: size.Height}
	}
	return cost.Of(price, sizes), nil
}

// Run generates, stores the images and records the generation.
func (m imageModel) Run(ctx context.Context, r *Run, c ImageModelConfig) (*Result, error) {
	prompt, _ := str(r.Inputs, "prompt")
	if strings.TrimSpace(prompt) == "" {
		return nil, fmt.Errorf("no prompt: connect a Prompt or Text node to this image model")
	}
	if n := utf8.RuneCountInString(prompt); n > promptpkg.MaxChars {
		return nil, fmt.Errorf("the prompt is %d characters; the image models read at most about %d: shorten it", n, promptpkg.MaxChars)
	}
	imageURL, _ := str(r.Inputs, "image_url")
	model, _ := m.models.Get(c.Model)
	e, price, _ := model.Endpoint(imageURL != "")
	input, size := c.Parameters.request(e, prompt, imageURL)
	params, _ := json.Marshal(input) // recorded with our URL, never a data URI
	if err := m.inlineLocalImage(ctx, input); err != nil {
		return nil, err
	}
	images, err := m.gen.Generate(ctx, r, Request{Model: model, Endpoint: e.ID, Input: input,
		Width: size.Width, Height: size.Height, Count: c.Parameters.count(e)})
	if err != nil {
		return nil, err
	}
	urls := make([]string, 0, len(images))
	sizes := make([]cost.Size, 0, len(images))
	for i, im := range images {
		url, err := m.blobs.Put(ctx, fmt.Sprintf("generations/%s/%s-%d", r.ExecutionID, r.NodeID, i), im.ContentType, im.Data)
		if err != nil {
			return nil, Retryable(fmt.Errorf("store image %d: %w", i+1, err))
		}
		urls = append(urls, url)
		sizes = append(sizes, cost.Size{Width: im.Width, Height: im.Height})
	}
	total := 0.0
	if !m.preview {
		total = cost.Of(price, sizes)
	}
	gen := &workflow.Generation{ModelID: model.ID, Prompt: prompt, Parameters: params, ImageURLs: urls,
		AspectRatio: c.Parameters.ratioOf(), Cost: &total}
	return &Result{Output: map[string]any{"image_urls": urls, "cost": total, "model": model.ID, "preview": m.preview}, Generation: gen}, nil
}

// inlineLocalImage turns an uploaded photo's relative URL (/files/...),
// which FAL cannot fetch, into a data URI, which FAL accepts.
func (m imageModel) inlineLocalImage(ctx context.Context, input map[string]any) error {
	u, ok := input["image_url"].(string)
	if !ok || !strings.HasPrefix(u, "/") || m.preview {
		return nil
	}
	data, err := m.blobs.Get(ctx, u)
	if err != nil {
		return fmt.Errorf("the uploaded image could not be read: %w", err)
	}
	input["image_url"] = "data:" + http.DetectContentType(data) + ";base64," + base64.StdEncoding.EncodeToString(data)
	return nil
}

// CancelOutside passes a run's end on to a generator holding outside work.
func (m imageModel) CancelOutside(ctx context.Context, checkpoint json.RawMessage) {
	if c, ok := m.gen.(canceller); ok {
		c.CancelOutside(ctx, checkpoint)
	}
}

// anyList converts strings to a JSON Schema enum.
func anyList(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
