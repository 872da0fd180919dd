package executor

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ImageInput emits a product photo's URL: {image_url} -> {image_url}. The
// URL is an http(s) address or an image uploaded to this server.
type ImageInput struct{}

// imageConfig is IMAGE_INPUT's config.
type imageConfig struct {
	ImageURL string `json:"image_url"`
}

// Type returns IMAGE_INPUT.
func (ImageInput) Type() workflow.NodeType { return workflow.ImageInput }

// Spec describes IMAGE_INPUT.
func (ImageInput) Spec() Spec {
	return Spec{Type: workflow.ImageInput, Label: "Image input", Description: "A product photo: a link or an upload.",
		ConfigSchema: schema([]string{"image_url"}, map[string]any{
			"image_url": map[string]any{"type": "string", "title": "Image URL", "format": "uri-reference", "x-upload": true},
		}),
		Outputs: []Port{{Name: "image_url", Label: "Image", Kind: "image"}}, Defaults: map[string]any{"image_url": ""}}
}

// config decodes the config, accepting http(s) URLs and uploaded images
// (/files/uploads/...).
func (ImageInput) config(raw json.RawMessage) (imageConfig, []FieldError) {
	var c imageConfig
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	if strings.HasPrefix(c.ImageURL, "/files/uploads/") {
		return c, nil
	}
	u, err := url.Parse(c.ImageURL)
	if c.ImageURL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, []FieldError{{Field: "image_url", Message: "give an http(s) link to an image, or upload one"}}
	}
	return c, nil
}

// Validate checks the image URL.
func (i ImageInput) Validate(raw json.RawMessage) []FieldError {
	_, errs := i.config(raw)
	return errs
}

// Run returns the URL.
func (i ImageInput) Run(_ context.Context, r *Run) (*Result, error) {
	c, errs := i.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	return &Result{Output: map[string]any{"image_url": c.ImageURL}}, nil
}
