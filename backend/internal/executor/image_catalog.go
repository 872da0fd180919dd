package executor

import (
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
)

// ServedRange is one parameter's range at one endpoint, as the catalog
// serves it (x-models), so the editor shows each model's own limits.
type ServedRange struct {
	Minimum          *float64 `json:"minimum,omitempty"`
	Maximum          *float64 `json:"maximum,omitempty"`
	ExclusiveMinimum *float64 `json:"exclusive_minimum,omitempty"`
	Default          any      `json:"default,omitempty"`
}

// ServedEndpoint is one endpoint of a model in the catalog.
type ServedEndpoint struct {
	Endpoint  string                 `json:"endpoint"`
	ImageSize bool                   `json:"image_size"`
	Params    map[string]ServedRange `json:"params"`
	Price     cost.Price             `json:"price"`
}

// ServedModel is one model in the catalog.
type ServedModel struct {
	ID           string          `json:"id"`
	Label        string          `json:"label"`
	Blurb        string          `json:"blurb"`
	TextToImage  ServedEndpoint  `json:"text_to_image"`
	ImageToImage *ServedEndpoint `json:"image_to_image,omitempty"`
}

// servedModels lists the table for the catalog.
func servedModels(t *imagemodel.Table) []ServedModel {
	var out []ServedModel
	for _, m := range t.All() {
		sm := ServedModel{ID: m.ID, Label: m.Label, Blurb: m.Blurb}
		e, _ := m.Endpoint(false)
		sm.TextToImage = servedEndpoint(e)
		if e, ok := m.Endpoint(true); ok {
			se := servedEndpoint(e)
			sm.ImageToImage = &se
		}
		out = append(out, sm)
	}
	return out
}

// servedEndpoint lists one endpoint's parameters.
func servedEndpoint(e imagemodel.Endpoint) ServedEndpoint {
	se := ServedEndpoint{Endpoint: e.ID, ImageSize: e.ImageSize, Params: map[string]ServedRange{}, Price: e.Price}
	for name, r := range e.Params {
		sr := ServedRange{Minimum: r.Min, Maximum: r.Max, Default: r.Default}
		if r.ExclusiveMin {
			sr.Minimum, sr.ExclusiveMinimum = nil, r.Min
		}
		se.Params[name] = sr
	}
	return se
}
