package creatives

import (
	"encoding/json"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// records are an Output's finals as records: where each is, and the words
// drawn on it (c's layout; nil without one). What made each source image
// is added where the records are stored.
func records(finals []executor.FinalImage, c *composer) []workflow.Final {
	var texts map[string]string
	if c != nil {
		texts = map[string]string{}
		for k, v := range map[string]string{"headline": c.layout.Headline, "subline": c.layout.Subline, "cta": c.layout.CTA} {
			if v != "" {
				texts[k] = v
			}
		}
	}
	out := make([]workflow.Final, len(finals))
	for i, f := range finals {
		r := workflow.Final{Ratio: f.Ratio, Width: f.Width, Height: f.Height, Bytes: int64(f.Bytes), Crop: f.Crop,
			URL: f.URL, SourceURL: f.Source, Texts: texts}
		if f.Placement != "" {
			p := f.Placement
			r.Placement = &p
		}
		if f.Layout != nil {
			r.Layout, _ = json.Marshal(f.Layout)
		}
		out[i] = r
	}
	return out
}

// nonNilFinals is finals, or an empty list (the output lists none as []).
func nonNilFinals(finals []executor.FinalImage) []executor.FinalImage {
	if finals == nil {
		return []executor.FinalImage{}
	}
	return finals
}
