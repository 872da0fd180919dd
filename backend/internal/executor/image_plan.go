package executor

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	promptpkg "github.com/visualadgen/visualadgen/backend/internal/prompt"
)

// plan is one generation the parameters make: the size of each image (a
// FAL size name when one was chosen) and the ratio it has.
type plan struct {
	size  imagemodel.NamedSize
	ratio string
}

// plans sizes the generations: one at a named FAL size when one is set,
// one at the ratio asked for, else one per distinct ratio the nodes fed
// ask for (an Output's ratio, or its placements' sizes; 1:1 when none
// asks), each the largest size within the megapixels.
func (p ImageModelParams) plans(w Wiring) []plan {
	if s, ok := imagemodel.Size(p.ImageSize); ok {
		return []plan{{size: s, ratio: s.Name}}
	}
	shapes := w.Shapes
	if p.AspectRatio != "" && p.AspectRatio != MatchOutput {
		shapes = []string{p.AspectRatio}
	}
	mp := p.Megapixels
	if mp <= 0 {
		mp = 1
	}
	var out []plan
	seen := map[string]bool{}
	for _, s := range shapes {
		rw, rh, ok := shapeOf(s)
		if !ok || seen[reduced(rw, rh)] {
			continue
		}
		seen[reduced(rw, rh)] = true
		out = append(out, plan{size: imagemodel.Plan(rw, rh, int(math.Round(mp*cost.Megapixel))), ratio: RatioName(rw, rh)})
	}
	if len(out) == 0 {
		t, _ := imaging.Lookup("1:1")
		out = append(out, plan{size: imagemodel.Plan(t.Width, t.Height, int(math.Round(mp*cost.Megapixel))), ratio: t.Ratio})
	}
	return out
}

// sizes lists the size of each image the plan requests.
func (pl plan) sizes(n int) []cost.Size {
	out := make([]cost.Size, n)
	for i := range out {
		out[i] = cost.Size{Width: pl.size.Width, Height: pl.size.Height}
	}
	return out
}

// shapeOf resolves a shape: a ratio name ("4:5", at its Output pixel size)
// or an exact size ("1080x1920").
func shapeOf(s string) (w, h int, ok bool) {
	if t, found := imaging.Lookup(s); found {
		return t.Width, t.Height, true
	}
	if n, err := fmt.Sscanf(s, "%dx%d", &w, &h); err == nil && n == 2 && w > 0 && h > 0 {
		return w, h, true
	}
	return 0, 0, false
}

// reduced is w:h in lowest terms: shapes of one ratio share a generation.
func reduced(w, h int) string {
	a, b := w, h
	for b != 0 {
		a, b = b, a%b
	}
	return fmt.Sprintf("%d:%d", w/a, h/a)
}

// RatioName names a ratio for people: an ad ratio's name when w:h is one
// (1200x628 is "1.91:1"), else w:h in lowest terms.
func RatioName(w, h int) string {
	for _, n := range imaging.RatioNames() {
		t, _ := imaging.Lookup(n)
		if reduced(t.Width, t.Height) == reduced(w, h) {
			return n
		}
	}
	return reduced(w, h)
}

// planned is what a run of the node asks FAL for, request by request.
type planned struct {
	model  imagemodel.Model
	ep     imagemodel.Endpoint
	prompt string
	plans  []plan
	reqs   []Request // inputs as planned: a photo by our URL
}

// planOf plans a run's requests: one per planned ratio, each with what it
// is planned to cost.
func (m imageModel) planOf(r *Run, c ImageModelConfig) (*planned, error) {
	prompt, _ := str(r.Inputs, "prompt")
	if strings.TrimSpace(prompt) == "" {
		return nil, fmt.Errorf("no prompt: connect a Prompt or Text node to this image model")
	}
	if n := utf8.RuneCountInString(prompt); n > promptpkg.MaxChars {
		return nil, fmt.Errorf("the prompt is %d characters; the image models read at most about %d: shorten it", n, promptpkg.MaxChars)
	}
	imageURL, _ := str(r.Inputs, "image_url")
	model, _ := m.Models.Get(c.Model)
	e, _ := model.Endpoint(imageURL != "")
	p := &planned{model: model, ep: e, prompt: prompt, plans: c.Parameters.plans(wiringOf(r))}
	for _, pl := range p.plans {
		n := c.Parameters.count(e)
		usd := 0.0
		if !m.Preview {
			usd = cost.Billed(e.Price, cost.Quantity(e.Price, pl.sizes(n)))
		}
		p.reqs = append(p.reqs, Request{Model: model, Endpoint: e.ID, Input: c.Parameters.request(e, pl, prompt, imageURL),
			Width: pl.size.Width, Height: pl.size.Height, Count: n, PlannedUSD: usd})
	}
	return p, nil
}

// Plan lists the requests a run would send FAL: the node's signature.
func (m imageModel) Plan(r *Run, c ImageModelConfig) ([]PlannedRequest, error) {
	p, err := m.planOf(r, c)
	if err != nil {
		return nil, err
	}
	out := make([]PlannedRequest, len(p.reqs))
	for i, req := range p.reqs {
		out[i] = PlannedRequest{Endpoint: req.Endpoint, Input: req.Input}
	}
	return out, nil
}
