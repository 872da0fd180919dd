package executor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// ImageModelParams are IMAGE_MODEL's parameters, by their FAL names (but
// aspect_ratio, ours). Which of them a model takes, their ranges and their
// defaults come from the model table.
type ImageModelParams struct {
	AspectRatio       string   `json:"aspect_ratio,omitempty" title:"Aspect ratio" doc:"The ad ratio to generate at; picks FAL's closest size."`
	ImageSize         string   `json:"image_size,omitempty" title:"Image size" doc:"One of FAL's named sizes; wins over the aspect ratio when both are set."`
	NumImages         int      `json:"num_images,omitempty" title:"Images"`
	NumInferenceSteps int      `json:"num_inference_steps,omitempty" title:"Steps"`
	GuidanceScale     *float64 `json:"guidance_scale,omitempty" title:"Guidance"`
	Strength          *float64 `json:"strength,omitempty" title:"Strength" doc:"With an input image: how far to move away from it."`
	NegativePrompt    string   `json:"negative_prompt,omitempty" title:"Negative prompt" maxLength:"2000" ui:"multiline"`
	Seed              *int64   `json:"seed,omitempty" title:"Seed" minimum:"0"`
	SafetyChecker     *bool    `json:"enable_safety_checker,omitempty" title:"Safety checker"`
}

// ours are the parameters that are not sent to FAL under their own name.
var ours = map[string]bool{"aspect_ratio": true, "image_size": true}

// values returns the parameters that are set, by name (numbers kept exact).
func (p ImageModelParams) values() map[string]any {
	b, _ := json.Marshal(p)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	out := map[string]any{}
	_ = dec.Decode(&out)
	return out
}

// check validates p against the endpoint the model will use.
func (p ImageModelParams) check(m imagemodel.Model, e imagemodel.Endpoint) []fault.Field {
	var errs []fault.Field
	vals := p.values()
	names := make([]string, 0, len(vals))
	for n := range vals {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		if ours[name] {
			continue
		}
		loc := "parameters." + name
		if !e.Takes(name) {
			errs = append(errs, fault.Field{Location: loc, Message: fmt.Sprintf("%s does not take %s", m.Label, strings.ReplaceAll(name, "_", " "))})
			continue
		}
		if n, ok := vals[name].(json.Number); ok {
			f, _ := n.Float64()
			if msg := imagemodel.Check(m, e, name, f); msg != "" {
				errs = append(errs, fault.Field{Location: loc, Message: msg})
			}
		}
	}
	if !e.ImageSize && (p.AspectRatio != "" || p.ImageSize != "") {
		errs = append(errs, fault.Field{Location: "parameters.aspect_ratio",
			Message: fmt.Sprintf("%s with an input image follows the image's size; leave the ratio and size empty", m.Label)})
	}
	return errs
}

// size is the named FAL size the parameters ask for.
func (p ImageModelParams) size() imagemodel.NamedSize {
	name := p.ImageSize
	if name == "" && p.AspectRatio != "" {
		name = ratioSizes[p.AspectRatio]
	}
	if s, ok := imagemodel.Size(name); ok {
		return s
	}
	s, _ := imagemodel.Size(imagemodel.DefaultSize)
	return s
}

// ratioSizes maps an ad ratio to FAL's named size closest to it.
var ratioSizes = map[string]string{
	"1:1": "square_hd", "4:5": "portrait_4_3", "3:4": "portrait_4_3", "9:16": "portrait_16_9",
	"16:9": "landscape_16_9", "4:3": "landscape_4_3", "1.91:1": "landscape_16_9",
}

// count is how many images the endpoint will return.
func (p ImageModelParams) count(e imagemodel.Endpoint) int {
	if p.NumImages > 0 {
		return p.NumImages
	}
	if d, ok := e.Params["num_images"].Default.(int); ok {
		return d
	}
	return 1
}

// request builds FAL's input for endpoint e: the parameters set, the
// endpoint's defaults for the rest, the size and the photo.
func (p ImageModelParams) request(e imagemodel.Endpoint, prompt, imageURL string) (map[string]any, imagemodel.NamedSize) {
	in := map[string]any{"prompt": prompt}
	vals := p.values()
	for name, r := range e.Params {
		if v, ok := vals[name]; ok {
			in[name] = v
		} else if r.Default != nil {
			in[name] = r.Default
		}
	}
	size := p.size()
	if e.ImageSize {
		in["image_size"] = size.Name
	}
	if imageURL != "" {
		in["image_url"] = imageURL
	}
	return in, size
}

// ratioOf is the ratio a generation records: the one asked for, else the size.
func (p ImageModelParams) ratioOf() string {
	if p.AspectRatio != "" {
		return p.AspectRatio
	}
	return p.size().Name
}

// ratioEnum lists the ratios the image model accepts.
func ratioEnum() []any {
	names := imaging.RatioNames()
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}
