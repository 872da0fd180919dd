package executor

import (
	"github.com/visualadgen/visualadgen/backend/internal/compose"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
)

// The types below are what the creative node types (internal/creatives)
// hand on in their typed outputs: a layout with its brand, and the final
// ads an Output delivers.

// Brand is a brand kit as a layout carries it to the Output.
type Brand struct {
	ID           string  `json:"id,omitempty"`
	Name         string  `json:"name,omitempty"`
	LogoURL      *string `json:"logo_url,omitempty"`
	PrimaryColor string  `json:"primary_color"`
	TextColor    *string `json:"text_color,omitempty"`
	HeadlineFont FontRef `json:"headline_font"`
	BodyFont     FontRef `json:"body_font"`
}

// FontRef is a font by bundled family id, or by the URL of an upload.
type FontRef struct {
	ID  string `json:"id"`
	URL string `json:"url,omitempty"`
}

// DefaultBrand is the look of an ad laid out without a kit.
var DefaultBrand = Brand{PrimaryColor: "#111827", HeadlineFont: FontRef{ID: fonts.Default}, BodyFont: FontRef{ID: fonts.Default}}

// Layout is what AD_LAYOUT hands the Output: the words, resolved, and how
// they look.
type Layout struct {
	Headline     string `json:"headline"`
	Subline      string `json:"subline,omitempty"`
	CTA          string `json:"cta,omitempty"`
	TextPosition string `json:"text_position"`
	LogoPosition string `json:"logo_position"`
	Scrim        string `json:"scrim"`
	Brand        Brand  `json:"brand"`
	// Node is the Ad layout node's name, so a text that does not fit says
	// where to shorten it.
	Node string `json:"node,omitempty"`
}

// FinalImage is one delivered ad image, as an Output's output lists it.
type FinalImage struct {
	Placement string  `json:"placement,omitempty" doc:"The placement it is for (none for a plain ratio)."`
	Ratio     string  `json:"ratio"`
	URL       string  `json:"url"`
	Width     int     `json:"width"`
	Height    int     `json:"height"`
	Bytes     int     `json:"bytes"`
	Crop      float64 `json:"crop" doc:"The largest share of a side cropped away."`
	Source    string  `json:"source" doc:"The generated image it was made from."`
	// Layout is what an Ad layout drew on it: each element's box and the
	// contrast measured (none without a layout).
	Layout *compose.Result `json:"layout,omitempty"`
}
