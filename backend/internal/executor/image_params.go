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

// MatchOutput is the image model's default ratio: the ratio of the Output
// it feeds.
const MatchOutput = "match_output"

// ImageModelParams are IMAGE_MODEL's parameters, by their FAL names (but
// aspect_ratio and megapixels, ours). Which of them a model takes, their
// ranges and their defaults come from the model table.
type ImageModelParams struct {
	AspectRatio       string   `json:"aspect_ratio,omitempty" title:"Aspect ratio" doc:"The ratio to generate at; by default the ratio of the Output this model feeds." default:"match_output"`
	ImageSize         string   `json:"image_size,omitempty" title:"FAL size" doc:"One of FAL's named sizes; wins over the aspect ratio when set."`
	Megapixels        float64  `json:"megapixels,omitempty" title:"Megapixels" doc:"How large each image is, in megapixels of 1,048,576 pixels; FAL bills FLUX per started megapixel." minimum:"0.25" maximum:"4" default:"1"`
	NumImages         int      `json:"num_images,omitempty" title:"Images"`
	NumInferenceSteps int      `json:"num_inference_steps,omitempty" title:"Steps"`
	GuidanceScale     *float64 `json:"guidance_scale,omitempty" title:"Guidance"`
	Strength          *float64 `json:"strength,omitempty" title:"Strength" doc:"With an input image: how far to move away from it."`
	NegativePrompt    string   `json:"negative_prompt,omitempty" title:"Negative prompt" maxLength:"2000" ui:"multiline"`
	Seed              *int64   `json:"seed,omitempty" title:"Seed" minimum:"0"`
	SafetyChecker     *bool    `json:"enable_safety_checker,omitempty" title:"Safety checker"`
}

// ours are the parameters that are not sent to FAL under their own name.
var ours = map[string]bool{"aspect_ratio": true, "image_size": true, "megapixels": true}

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
	return errs
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
// endpoint's defaults for the rest, the size (a name, or width and height)
// for endpoints that take one, and the photo.
func (p ImageModelParams) request(e imagemodel.Endpoint, pl plan, prompt, imageURL string) map[string]any {
	in := map[string]any{"prompt": prompt}
	vals := p.values()
	for name, r := range e.Params {
		if v, ok := vals[name]; ok {
			in[name] = v
		} else if r.Default != nil {
			in[name] = r.Default
		}
	}
	if e.ImageSize {
		if pl.size.Name != "" {
			in["image_size"] = pl.size.Name
		} else {
			in["image_size"] = map[string]int{"width": pl.size.Width, "height": pl.size.Height}
		}
	}
	if imageURL != "" {
		in["image_url"] = imageURL
	}
	return in
}

// RatioEnum lists the ratios the image model accepts: the Output's, or one
// of the ad ratios.
func RatioEnum(match bool) []any {
	var out []any
	if match {
		out = append(out, MatchOutput)
	}
	for _, n := range imaging.RatioNames() {
		out = append(out, n)
	}
	return out
}
