package executor

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Output delivers the final ad images: {num_images, aspect_ratio} with
// input {image_urls} -> {final_images}. It keeps the first num_images and
// delivers each in the ratio asked for, stored as new images; an image
// already in that ratio passes through untouched.
type Output struct {
	Blobs blob.Store
}

// outputConfig is OUTPUT's config.
type outputConfig struct {
	NumImages   int    `json:"num_images"`
	AspectRatio string `json:"aspect_ratio"`
}

// Type returns OUTPUT.
func (Output) Type() workflow.NodeType { return workflow.Output }

// Spec describes OUTPUT.
func (Output) Spec() Spec {
	return Spec{Type: workflow.Output, Label: "Output", Description: "The final ads: how many, and in which aspect ratio.",
		ConfigSchema: schema(nil, map[string]any{
			"num_images":   map[string]any{"type": "integer", "minimum": 1, "maximum": 16, "default": 1, "title": "Images"},
			"aspect_ratio": map[string]any{"type": "string", "enum": imaging.RatioNames, "default": "1:1", "title": "Aspect ratio"},
		}),
		Inputs:   []Port{{Name: "image_urls", Label: "Images", Kind: "images"}},
		Outputs:  []Port{{Name: "final_images", Label: "Final images", Kind: "images"}},
		Defaults: map[string]any{"num_images": 1, "aspect_ratio": "1:1"}}
}

// config decodes with defaults and checks it.
func (Output) config(raw json.RawMessage) (outputConfig, []FieldError) {
	c := outputConfig{NumImages: 1, AspectRatio: "1:1"}
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	var errs []FieldError
	if c.NumImages < 1 || c.NumImages > 16 {
		errs = append(errs, FieldError{Field: "num_images", Message: "must be from 1 to 16"})
	}
	if _, ok := imaging.Targets[c.AspectRatio]; !ok {
		errs = append(errs, FieldError{Field: "aspect_ratio", Message: "must be one of " + strings.Join(imaging.RatioNames, ", ")})
	}
	return c, errs
}

// Validate checks the count and the ratio.
func (o Output) Validate(raw json.RawMessage) []FieldError {
	_, errs := o.config(raw)
	return errs
}

// Run keeps the first images and fits each to the ratio.
func (o Output) Run(ctx context.Context, r *Run) (*Result, error) {
	c, errs := o.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	urls := stringList(r.Inputs["image_urls"])
	if len(urls) == 0 {
		return nil, fmt.Errorf("no images: connect an Image model to this output")
	}
	if len(urls) > c.NumImages {
		urls = urls[:c.NumImages]
	}
	target := imaging.Targets[c.AspectRatio]
	final := make([]string, 0, len(urls))
	for i, u := range urls {
		data, err := o.Blobs.Get(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("read image %d: %w", i+1, err)
		}
		fitted, changed, err := imaging.Fit(data, target)
		if err != nil {
			return nil, fmt.Errorf("image %d: %w", i+1, err)
		}
		if !changed {
			final = append(final, u)
			continue
		}
		url, err := o.Blobs.Put(ctx, fmt.Sprintf("outputs/%s/%s-%d-%s", r.ExecutionID, r.NodeID, i, strings.ReplaceAll(strings.ReplaceAll(c.AspectRatio, ":", "x"), ".", "_")), "image/png", fitted)
		if err != nil {
			return nil, Retryable(fmt.Errorf("store image %d: %w", i+1, err))
		}
		final = append(final, url)
	}
	return &Result{Output: map[string]any{"final_images": final, "aspect_ratio": c.AspectRatio,
		"width": target.Width, "height": target.Height}}, nil
}

// stringList reads a JSON list of strings (or a single string).
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
