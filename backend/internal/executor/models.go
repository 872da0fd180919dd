package executor

import (
	"fmt"
	"strings"
)

// modelInfo is one image model the product supports.
type modelInfo struct {
	Endpoint     string // FAL endpoint
	I2IEndpoint  string // image-to-image endpoint, if any
	DefaultSteps int
	Guidance     bool // accepts guidance_scale
	Negative     bool // accepts negative_prompt
}

// models are the brief's three, keyed by the seed's ids.
var models = map[string]modelInfo{
	"fal-ai/flux/schnell":        {Endpoint: "fal-ai/flux/schnell", DefaultSteps: 4},
	"fal-ai/flux/dev":            {Endpoint: "fal-ai/flux/dev", I2IEndpoint: "fal-ai/flux/dev/image-to-image", DefaultSteps: 28, Guidance: true},
	"fal-ai/stable-diffusion-xl": {Endpoint: "fal-ai/fast-sdxl", DefaultSteps: 25, Guidance: true, Negative: true},
}

// ModelIDs lists the supported models in the palette's order.
var ModelIDs = []string{"fal-ai/flux/schnell", "fal-ai/flux/dev", "fal-ai/stable-diffusion-xl"}

// imageSizes are FAL's named sizes and their pixels.
var imageSizes = map[string][2]int{
	"square_hd": {1024, 1024}, "square": {512, 512}, "portrait_4_3": {768, 1024},
	"portrait_16_9": {576, 1024}, "landscape_4_3": {1024, 768}, "landscape_16_9": {1024, 576},
}

// SizeNames lists FAL's named sizes.
var SizeNames = []string{"square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"}

// ratioSizes maps an ad aspect ratio to the FAL size closest to it.
var ratioSizes = map[string]string{
	"1:1": "square_hd", "4:5": "portrait_4_3", "3:4": "portrait_4_3", "9:16": "portrait_16_9",
	"16:9": "landscape_16_9", "4:3": "landscape_4_3", "1.91:1": "landscape_16_9",
}

// modelParams are IMAGE_MODEL's parameters.
type modelParams struct {
	ImageSize         string   `json:"image_size,omitempty"`
	AspectRatio       string   `json:"aspect_ratio,omitempty"`
	NumImages         int      `json:"num_images,omitempty"`
	Seed              *int64   `json:"seed,omitempty"`
	NumInferenceSteps int      `json:"num_inference_steps,omitempty"`
	GuidanceScale     *float64 `json:"guidance_scale,omitempty"`
	NegativePrompt    string   `json:"negative_prompt,omitempty"`
	Strength          *float64 `json:"strength,omitempty"`
	SafetyChecker     *bool    `json:"enable_safety_checker,omitempty"`
}

// check validates p for model and fills defaults; it returns field errors.
func (p *modelParams) check(model string) []FieldError {
	m, ok := models[model]
	if !ok {
		return []FieldError{{Field: "model", Message: fmt.Sprintf("choose one of %s", strings.Join(ModelIDs, ", "))}}
	}
	var errs []FieldError
	if p.NumImages == 0 {
		p.NumImages = 1
	}
	if p.NumImages < 1 || p.NumImages > 4 {
		errs = append(errs, FieldError{Field: "parameters.num_images", Message: "must be from 1 to 4"})
	}
	if p.AspectRatio != "" {
		size, ok := ratioSizes[p.AspectRatio]
		if !ok {
			errs = append(errs, FieldError{Field: "parameters.aspect_ratio", Message: "must be one of 1:1, 4:5, 3:4, 9:16, 16:9, 4:3, 1.91:1"})
		}
		if p.ImageSize == "" {
			p.ImageSize = size
		}
	}
	if p.ImageSize == "" {
		p.ImageSize = "landscape_4_3"
	}
	if _, ok := imageSizes[p.ImageSize]; !ok {
		errs = append(errs, FieldError{Field: "parameters.image_size", Message: "must be one of " + strings.Join(SizeNames, ", ")})
	}
	if p.NumInferenceSteps == 0 {
		p.NumInferenceSteps = m.DefaultSteps
	}
	if p.NumInferenceSteps < 1 || p.NumInferenceSteps > 50 {
		errs = append(errs, FieldError{Field: "parameters.num_inference_steps", Message: "must be from 1 to 50"})
	}
	if p.GuidanceScale != nil && (!m.Guidance || *p.GuidanceScale < 0 || *p.GuidanceScale > 20) {
		errs = append(errs, FieldError{Field: "parameters.guidance_scale", Message: "is for flux dev and SDXL, from 0 to 20"})
	}
	if p.NegativePrompt != "" && !m.Negative {
		errs = append(errs, FieldError{Field: "parameters.negative_prompt", Message: "only SDXL takes a negative prompt"})
	}
	if p.Strength != nil && (m.I2IEndpoint == "" || *p.Strength <= 0 || *p.Strength > 1) {
		errs = append(errs, FieldError{Field: "parameters.strength", Message: "is for flux dev image-to-image, above 0 and at most 1"})
	}
	return errs
}

// input builds the FAL request body for prompt (and an optional image).
func (p modelParams) input(model, prompt, imageURL string) (endpoint string, in map[string]any) {
	m := models[model]
	in = map[string]any{"prompt": prompt, "image_size": p.ImageSize, "num_images": p.NumImages,
		"num_inference_steps": p.NumInferenceSteps}
	if p.Seed != nil {
		in["seed"] = *p.Seed
	}
	if p.GuidanceScale != nil {
		in["guidance_scale"] = *p.GuidanceScale
	}
	if p.NegativePrompt != "" {
		in["negative_prompt"] = p.NegativePrompt
	}
	if p.SafetyChecker != nil && model != "fal-ai/stable-diffusion-xl" {
		in["enable_safety_checker"] = *p.SafetyChecker
	}
	endpoint = m.Endpoint
	if imageURL != "" && m.I2IEndpoint != "" {
		endpoint, in["image_url"] = m.I2IEndpoint, imageURL
		if p.Strength != nil {
			in["strength"] = *p.Strength
		}
	}
	return endpoint, in
}
