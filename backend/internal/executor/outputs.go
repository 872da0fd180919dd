package executor

import (
	"reflect"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
)

// A node type's output is a Go struct: its JSON tags name what the node
// hands on (the keys of its stored output_data), and the fields tagged
// `port:"<kind>"` (with a `title` for people) are its output ports, in
// field order. Each is served in the OpenAPI document, so the editor reads
// typed outputs.

// TextInputOutput is TEXT_INPUT's output.
type TextInputOutput struct {
	Text string `json:"text" port:"text" title:"Text"`
}

// ImageInputOutput is IMAGE_INPUT's output.
type ImageInputOutput struct {
	ImageURL string `json:"image_url" port:"image" title:"Image"`
}

// SocialMediaOutput is SOCIAL_MEDIA's output: the subreddit's posts and
// the trends drawn from them.
type SocialMediaOutput struct {
	Posts  []reddit.Post `json:"posts" port:"data" title:"Posts"`
	Trends []string      `json:"trends" port:"data" title:"Trends"`
}

// PromptOutput is PROMPT's output: the rendered template.
type PromptOutput struct {
	Prompt string `json:"prompt" port:"text" title:"Prompt"`
}

// ImageModelOutput is IMAGE_MODEL's output: the images stored (those FAL's
// safety checker did not flag), what they cost this run, and each
// request's plan.
type ImageModelOutput struct {
	ImageURLs []string    `json:"image_urls" port:"images" title:"Images"`
	Cost      float64     `json:"cost" doc:"What this run paid (0 when reused)."`
	Model     string      `json:"model"`
	Preview   bool        `json:"preview" doc:"The images are local previews (no FAL_KEY): nothing was paid."`
	Blocked   int         `json:"blocked" doc:"Images FAL's safety checker flagged: billed, never delivered."`
	Plans     []PlanQuote `json:"plans"`
}

// AdLayoutOutput is AD_LAYOUT's output: the resolved layout an Output draws.
type AdLayoutOutput struct {
	Layout Layout `json:"layout" port:"layout" title:"Layout"`
}

// FinalsOutput is OUTPUT's output: the brief's final_images, and each
// final with where it is and what was drawn on it.
type FinalsOutput struct {
	FinalImages []string     `json:"final_images" port:"images" title:"Final images"`
	Finals      []FinalImage `json:"finals"`
	MaxCrop     float64      `json:"max_crop" doc:"The largest share of a side cropped away from any final."`
	Requested   int          `json:"requested" doc:"Finals asked for per target."`
	Received    int          `json:"received" doc:"Images received."`
	// AspectRatio, Width and Height are the one format of an Output
	// without placements.
	AspectRatio string `json:"aspect_ratio,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	// Short says the Output received fewer images than it asked for.
	Short string `json:"short,omitempty"`
}

// OutputOf is a node's typed output as the engine holds it: each field by
// its JSON name (an omitempty field left out when empty), its value as it
// is, which the engine stores as JSON.
func OutputOf(v any) map[string]any {
	rv := reflect.ValueOf(v)
	out := make(map[string]any, rv.NumField())
	for i := range rv.NumField() {
		name, opts, _ := strings.Cut(rv.Type().Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || strings.Contains(opts, "omitempty") && rv.Field(i).IsZero() {
			continue
		}
		out[name] = rv.Field(i).Interface()
	}
	return out
}

// portsOf lists an output struct's ports: its fields tagged port.
func portsOf(t reflect.Type) []Port {
	var out []Port
	for i := range t.NumField() {
		f := t.Field(i)
		kind, ok := f.Tag.Lookup("port")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out = append(out, Port{Name: name, Label: f.Tag.Get("title"), Kind: PortKind(kind)})
	}
	return out
}
