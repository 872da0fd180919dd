// Package imagemodel is the one table of the image models the product
// supports: per model its FAL endpoints, the parameters each endpoint takes
// with their ranges and defaults, and its price. Validation, the FAL request
// builder, the cost and the catalog all read it; adding a model is one entry.
package imagemodel

import (
	"fmt"
	"sort"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
)

// Range is what one parameter accepts at one endpoint.
type Range struct {
	Min, Max *float64 // inclusive bounds, nil for none
	// ExclusiveMin makes Min a strict bound (strength above 0).
	ExclusiveMin bool
	// Default is what the server sends when the user gives nothing; nil
	// leaves the parameter out of the request (FAL's own default applies).
	Default any
}

// Endpoint is one FAL endpoint of a model and the parameters it takes
// (by their FAL names). Parameters not listed are refused for the model.
type Endpoint struct {
	ID     string
	Params map[string]Range
	// ImageSize says the endpoint takes image_size; image-to-image endpoints
	// whose output follows the input photo do not.
	ImageSize bool
	// Price is what a generation at the endpoint costs (FAL's, or the
	// brief's where FAL publishes none).
	Price cost.Price
	// BilledIn is the unit FAL counts the endpoint's x-fal-billable-units
	// in. Only when it is the price's unit are those units times the price
	// the actual cost; otherwise the planned cost stands.
	BilledIn cost.Unit
}

// Takes reports whether the endpoint accepts parameter name.
func (e Endpoint) Takes(name string) bool {
	_, ok := e.Params[name]
	return ok
}

// Model is one supported image model.
type Model struct {
	ID    string // the brief's id, stored in configs and generations
	Label string // shown in the editor
	Blurb string // what it is good for
	// TextToImage is the endpoint used without an input photo.
	TextToImage Endpoint
	// ImageToImage is used when a photo is connected; nil when the model
	// has none (the photo is then refused, not ignored).
	ImageToImage *Endpoint
}

// Endpoint returns the endpoint used with or without an input photo.
func (m Model) Endpoint(withImage bool) (Endpoint, bool) {
	if !withImage {
		return m.TextToImage, true
	}
	if m.ImageToImage == nil {
		return Endpoint{}, false
	}
	return *m.ImageToImage, true
}

// endpoints lists the model's endpoints.
func (m *Model) endpoints() []*Endpoint {
	out := []*Endpoint{&m.TextToImage}
	if m.ImageToImage != nil {
		out = append(out, m.ImageToImage)
	}
	return out
}

// Table is the supported models, in the palette's order.
type Table struct{ models []Model }

// New builds a table; ids must be unique and prices valid.
func New(models ...Model) (*Table, error) {
	seen := map[string]bool{}
	for _, m := range models {
		if seen[m.ID] {
			return nil, fmt.Errorf("imagemodel: %s is listed twice", m.ID)
		}
		seen[m.ID] = true
		for _, e := range m.endpoints() {
			if msg := e.Price.Check(); msg != "" {
				return nil, fmt.Errorf("imagemodel: the price of %s: %s", e.ID, msg)
			}
		}
	}
	return &Table{models: models}, nil
}

// WithPrices returns a copy of t with the prices of the endpoints named in
// prices (by FAL endpoint id) replaced: an operator's corrections, read
// from FAL_PRICES. An unknown endpoint or a bad price is an error.
func (t *Table) WithPrices(prices map[string]cost.Price) (*Table, error) {
	models := make([]Model, len(t.models))
	used := map[string]bool{}
	for i, m := range t.models {
		if m.ImageToImage != nil {
			i2i := *m.ImageToImage
			m.ImageToImage = &i2i
		}
		for _, e := range m.endpoints() {
			if p, ok := prices[e.ID]; ok {
				e.Price, used[e.ID] = p, true
			}
		}
		models[i] = m
	}
	for id, p := range prices {
		if !used[id] {
			return nil, fmt.Errorf("%s is not an endpoint of a supported model", id)
		}
		if msg := p.Check(); msg != "" {
			return nil, fmt.Errorf("%s: %s", id, msg)
		}
	}
	return New(models...)
}

// All returns the models in order.
func (t *Table) All() []Model { return append([]Model(nil), t.models...) }

// IDs returns the model ids in order.
func (t *Table) IDs() []string {
	out := make([]string, len(t.models))
	for i, m := range t.models {
		out[i] = m.ID
	}
	return out
}

// Get returns the model with id.
func (t *Table) Get(id string) (Model, bool) {
	for _, m := range t.models {
		if m.ID == id {
			return m, true
		}
	}
	return Model{}, false
}

// Bounds returns the widest range of parameter name over every endpoint of
// every model (what the editor's form allows before a model is chosen).
func (t *Table) Bounds(name string) (lo, hi *float64) {
	for _, m := range t.models {
		for _, e := range m.endpoints() {
			r, ok := e.Params[name]
			if !ok {
				continue
			}
			if r.Min != nil && (lo == nil || *r.Min < *lo) {
				lo = r.Min
			}
			if r.Max != nil && (hi == nil || *r.Max > *hi) {
				hi = r.Max
			}
		}
	}
	return lo, hi
}

// Params lists every parameter name some endpoint takes, sorted.
func (t *Table) Params() []string {
	set := map[string]bool{}
	for _, m := range t.models {
		for _, e := range m.endpoints() {
			for n := range e.Params {
				set[n] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Check reports what is wrong with value for parameter name at endpoint e
// of model m ("" when it is fine).
func Check(m Model, e Endpoint, name string, value float64) string {
	r, ok := e.Params[name]
	if !ok {
		return fmt.Sprintf("%s does not take %s", describe(m, e), name)
	}
	tooLow := r.Min != nil && (value < *r.Min || (r.ExclusiveMin && value == *r.Min))
	tooHigh := r.Max != nil && value > *r.Max
	if !tooLow && !tooHigh {
		return ""
	}
	return fmt.Sprintf("must be %s for %s", r.describe(), describe(m, e))
}

// describe names a range: "from 1 to 12", "above 0 and at most 1".
func (r Range) describe() string {
	var parts []string
	if r.Min != nil {
		if r.ExclusiveMin {
			parts = append(parts, fmt.Sprintf("above %g", *r.Min))
		} else {
			parts = append(parts, fmt.Sprintf("from %g", *r.Min))
		}
	}
	if r.Max != nil {
		word := "to"
		if r.Min == nil || r.ExclusiveMin {
			word = "at most"
		}
		parts = append(parts, fmt.Sprintf("%s %g", word, *r.Max))
	}
	return strings.Join(parts, " ")
}

// describe names a model's endpoint for messages.
func describe(m Model, e Endpoint) string {
	if m.ImageToImage != nil && e.ID == m.ImageToImage.ID {
		return m.Label + " with an input image"
	}
	return m.Label
}

// F returns a pointer to v, for ranges.
func F(v float64) *float64 { return &v }
