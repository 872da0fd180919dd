package faltest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"math"
	"strings"
)

// bound is one numeric field's range at one endpoint, as FAL's schema
// states it (gte/lte in fal-js zod.gen.ts). The fake keeps its own copy of
// FAL's rules, apart from the product's model table, so a test proves the
// table against them instead of against itself.
type bound struct{ ge, le float64 }

// endpointRules are what the fake enforces per endpoint: numeric ranges,
// whether image_url is required, the default size and how it bills.
type endpointRules struct {
	bounds      map[string]bound
	needsImage  bool
	defaultSize [2]int
	perMP       bool // flux: billed per megapixel, rounded up per image
	// seconds is what a run bills in compute seconds (fast-sdxl: "a
	// typical inference takes 2.3 seconds", docs.fal.ai/fast-sdxl).
	seconds float64
}

// rules holds FAL's published ranges (see imagemodel/default.go for the
// sources; the figures are the same facts, written from FAL's pages).
var rules = map[string]endpointRules{
	"fal-ai/flux/schnell": {bounds: map[string]bound{"num_images": {1, 4}, "num_inference_steps": {1, 12}, "guidance_scale": {1, 20}},
		defaultSize: [2]int{1024, 768}, perMP: true},
	"fal-ai/flux/dev": {bounds: map[string]bound{"num_images": {1, 4}, "num_inference_steps": {1, 50}, "guidance_scale": {1, 20}},
		defaultSize: [2]int{1024, 768}, perMP: true},
	"fal-ai/flux/dev/image-to-image": {bounds: map[string]bound{"num_images": {1, 4}, "num_inference_steps": {10, 50}, "guidance_scale": {1, 20}, "strength": {0.01, 1}},
		needsImage: true, perMP: true},
	"fal-ai/fast-sdxl": {bounds: map[string]bound{"num_images": {1, 8}, "num_inference_steps": {1, 50}, "guidance_scale": {0, 20}},
		defaultSize: [2]int{1024, 1024}, seconds: 2.3},
	"fal-ai/fast-sdxl/image-to-image": {bounds: map[string]bound{"num_images": {1, 8}, "num_inference_steps": {1, 50}, "guidance_scale": {0, 20}, "strength": {0.05, 1}},
		needsImage: true, defaultSize: [2]int{1024, 1024}, seconds: 2.3},
}

// known reports whether the fake has FAL's rules for endpoint. An endpoint
// it does not know is answered 404, as FAL answers an app id it does not
// know (fal-ai/fal#99 words that 404 for apps with their path; a call to
// the unknown "fal-ai/google-veo-3.1" is logged as "404 Not Found" in
// NABILNET-ORG/gpt-ugc-content-creator's URGENT_FIX_STEPS.md). FAL's body
// for it was not found; the fake answers {"detail": "..."}, the shape of
// FAL's other errors. So a test that submits to a new model fails until its
// rules are written here: the range test cannot pass without them.
func known(endpoint string) bool {
	_, ok := rules[endpoint]
	return ok
}

// fieldError is one entry of FAL's 422 detail list.
type fieldError struct {
	Loc   []any          `json:"loc"`
	Msg   string         `json:"msg"`
	Type  string         `json:"type"`
	Input any            `json:"input,omitempty"`
	Ctx   map[string]any `json:"ctx,omitempty"`
}

// validate checks an input as FAL's schema would, in FAL's wording.
func validate(endpoint string, in map[string]any) []fieldError {
	r, ok := rules[endpoint]
	if !ok {
		return nil
	}
	var errs []fieldError
	if p, _ := in["prompt"].(string); p == "" {
		errs = append(errs, fieldError{Loc: []any{"body", "prompt"}, Msg: "Field required", Type: "missing"})
	}
	if _, has := in["image_url"]; r.needsImage && !has {
		errs = append(errs, fieldError{Loc: []any{"body", "image_url"}, Msg: "Field required", Type: "missing"})
	}
	for name, b := range r.bounds {
		v, ok := in[name].(float64)
		switch {
		case !ok:
		case v < b.ge:
			errs = append(errs, fieldError{Loc: []any{"body", name}, Msg: fmt.Sprintf("Input should be greater than or equal to %g", b.ge), Type: "greater_than_equal", Input: v, Ctx: map[string]any{"ge": b.ge}})
		case v > b.le:
			errs = append(errs, fieldError{Loc: []any{"body", name}, Msg: fmt.Sprintf("Input should be less than or equal to %g", b.le), Type: "less_than_equal", Input: v, Ctx: map[string]any{"le": b.le}})
		}
	}
	if size, ok := in["image_size"].(map[string]any); ok {
		for _, side := range []string{"width", "height"} {
			if v, _ := size[side].(float64); v > 14142 || v != math.Trunc(v) {
				errs = append(errs, fieldError{Loc: []any{"body", "image_size", side}, Msg: "Input should be less than or equal to 14142", Type: "less_than_equal", Input: v})
			}
		}
	}
	return errs
}

// namedSizes are FAL's image_size names.
var namedSizes = map[string][2]int{"square_hd": {1024, 1024}, "square": {512, 512}, "portrait_4_3": {768, 1024},
	"portrait_16_9": {576, 1024}, "landscape_4_3": {1024, 768}, "landscape_16_9": {1024, 576}}

// outputSize is the size FAL makes: image_size, else the input photo's
// size (image-to-image), else the endpoint's default.
func outputSize(endpoint string, in map[string]any) (int, int) {
	switch x := in["image_size"].(type) {
	case map[string]any:
		w, _ := x["width"].(float64)
		h, _ := x["height"].(float64)
		return int(w), int(h)
	case string:
		if s, ok := namedSizes[x]; ok {
			return s[0], s[1]
		}
	}
	if u, _ := in["image_url"].(string); strings.HasPrefix(u, "data:") {
		if i := strings.Index(u, ","); i > 0 {
			if b, err := base64.StdEncoding.DecodeString(u[i+1:]); err == nil {
				if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
					return cfg.Width, cfg.Height
				}
			}
		}
	}
	d := rules[endpoint].defaultSize
	if d[0] == 0 {
		return 1024, 1024
	}
	return d[0], d[1]
}

// billableUnits is what FAL would bill: per megapixel (1,048,576 pixels,
// rounded up per image) for flux; compute seconds for SDXL.
func billableUnits(endpoint string, w, h, n int) (float64, bool) {
	r := rules[endpoint]
	switch {
	case r.perMP:
		return float64(n) * math.Ceil(float64(w*h)/(1<<20)), true
	case r.seconds > 0:
		return r.seconds, true
	}
	return 0, false
}
