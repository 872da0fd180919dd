package executor

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ImageModel generates images from a prompt (and optionally a product
// photo): {model, parameters} with inputs {prompt, image_url?} ->
// {image_urls, cost}. Images are copied into our storage and the
// generation is recorded with its cost.
type ImageModel struct {
	Gen     Generator
	Blobs   blob.Store
	Prices  cost.Table
	Preview bool // the generator is the local preview: cost 0
}

// modelConfig is IMAGE_MODEL's config.
type modelConfig struct {
	Model      string      `json:"model"`
	Parameters modelParams `json:"parameters"`
}

// Type returns IMAGE_MODEL.
func (ImageModel) Type() workflow.NodeType { return workflow.ImageModel }

// Spec describes IMAGE_MODEL.
func (ImageModel) Spec() Spec {
	return Spec{Type: workflow.ImageModel, Label: "Image model", Description: "Generates images with FAL AI (flux schnell, flux dev, SDXL).",
		ConfigSchema: schema([]string{"model"}, map[string]any{
			"model": map[string]any{"type": "string", "enum": ModelIDs, "default": ModelIDs[0], "title": "Model"},
			"parameters": schema(nil, map[string]any{
				"aspect_ratio":        map[string]any{"type": "string", "enum": []string{"1:1", "4:5", "3:4", "9:16", "16:9", "4:3", "1.91:1"}, "title": "Aspect ratio"},
				"image_size":          map[string]any{"type": "string", "enum": SizeNames, "title": "Image size"},
				"num_images":          map[string]any{"type": "integer", "minimum": 1, "maximum": 4, "default": 1, "title": "Images"},
				"seed":                map[string]any{"type": "integer", "title": "Seed"},
				"num_inference_steps": map[string]any{"type": "integer", "minimum": 1, "maximum": 50, "title": "Steps"},
				"guidance_scale":      map[string]any{"type": "number", "minimum": 0, "maximum": 20, "title": "Guidance (dev, SDXL)"},
				"negative_prompt":     map[string]any{"type": "string", "title": "Negative prompt (SDXL)"},
				"strength":            map[string]any{"type": "number", "exclusiveMinimum": 0, "maximum": 1, "title": "Strength (dev, with an image)"},
			}),
		}),
		Inputs:   []Port{{Name: "prompt", Label: "Prompt", Kind: "text"}, {Name: "image_url", Label: "Image (flux dev)", Kind: "image"}},
		Outputs:  []Port{{Name: "image_urls", Label: "Images", Kind: "images"}},
		Defaults: map[string]any{"model": ModelIDs[0], "parameters": map[string]any{"num_images": 1, "aspect_ratio": "1:1"}}}
}

// config decodes and checks the config, filling defaults.
func (ImageModel) config(raw json.RawMessage) (modelConfig, []FieldError) {
	var c modelConfig
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	return c, c.Parameters.check(c.Model)
}

// Validate checks the model and its parameters.
func (m ImageModel) Validate(raw json.RawMessage) []FieldError {
	_, errs := m.config(raw)
	return errs
}

// Estimate is the cost of one run of this node's config.
func (m ImageModel) Estimate(raw json.RawMessage) (float64, error) {
	c, errs := m.config(raw)
	if err := configError(errs); err != nil {
		return 0, err
	}
	if m.Preview {
		return 0, nil
	}
	size := imageSizes[c.Parameters.ImageSize]
	sizes := make([]cost.Size, c.Parameters.NumImages)
	for i := range sizes {
		sizes[i] = cost.Size{Width: size[0], Height: size[1]}
	}
	return m.Prices.Of(c.Model, sizes)
}

// Run generates, stores the images and records the generation.
func (m ImageModel) Run(ctx context.Context, r *Run) (*Result, error) {
	c, errs := m.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	prompt, _ := str(r.Inputs, "prompt")
	if strings.TrimSpace(prompt) == "" {
		return nil, fmt.Errorf("no prompt: connect a Prompt or Text node to this image model")
	}
	imageURL, _ := str(r.Inputs, "image_url")
	endpoint, input := c.Parameters.input(c.Model, prompt, imageURL)
	params, _ := json.Marshal(input) // recorded with our URL, never a data URI
	if err := m.inlineLocalImage(ctx, input); err != nil {
		return nil, err
	}
	images, err := m.Gen.Generate(ctx, r, c.Model, endpoint, input)
	if err != nil {
		return nil, err
	}
	urls := make([]string, 0, len(images))
	sizes := make([]cost.Size, 0, len(images))
	for i, im := range images {
		url, err := m.Blobs.Put(ctx, fmt.Sprintf("generations/%s/%s-%d", r.ExecutionID, r.NodeID, i), im.ContentType, im.Data)
		if err != nil {
			return nil, Retryable(fmt.Errorf("store image %d: %w", i+1, err))
		}
		urls = append(urls, url)
		sizes = append(sizes, cost.Size{Width: im.Width, Height: im.Height})
	}
	total := 0.0
	if !m.Preview {
		if total, err = m.Prices.Of(c.Model, sizes); err != nil {
			return nil, err
		}
	}
	ratio := c.Parameters.AspectRatio
	if ratio == "" {
		ratio = c.Parameters.ImageSize
	}
	gen := &workflow.Generation{ModelID: c.Model, Prompt: prompt, Parameters: params, ImageURLs: urls, AspectRatio: ratio, Cost: &total}
	return &Result{Output: map[string]any{"image_urls": urls, "cost": total, "model": c.Model, "preview": m.Preview}, Generation: gen}, nil
}

// inlineLocalImage turns an uploaded photo's relative URL (/files/...),
// which FAL cannot fetch, into a data URI, which FAL accepts.
func (m ImageModel) inlineLocalImage(ctx context.Context, input map[string]any) error {
	u, ok := input["image_url"].(string)
	if !ok || !strings.HasPrefix(u, "/") || m.Preview {
		return nil
	}
	data, err := m.Blobs.Get(ctx, u)
	if err != nil {
		return fmt.Errorf("read the uploaded image %s: %w", u, err)
	}
	input["image_url"] = "data:" + http.DetectContentType(data) + ";base64," + base64.StdEncoding.EncodeToString(data)
	return nil
}

// CancelOutside passes a run's end on to a generator holding outside work.
func (m ImageModel) CancelOutside(ctx context.Context, checkpoint json.RawMessage) {
	if c, ok := m.Gen.(Canceller); ok {
		c.CancelOutside(ctx, checkpoint)
	}
}
