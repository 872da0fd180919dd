package workflow

import (
	"encoding/json"
	"time"
)

// Final is one final ad a run delivered, as a record: where it is and
// what made it. The gallery, the zip and its manifest, the workflow list
// and the download names all read these records.
type Final struct {
	ID              string `json:"id"`
	ExecutionID     string `json:"execution_id"`
	NodeExecutionID string `json:"node_execution_id"`
	// NodeID is the Output that delivered it (nil once that node is
	// deleted from its workflow).
	NodeID *string `json:"node_id"`
	// Position is its place among its node's finals.
	Position  int     `json:"position"`
	Placement *string `json:"placement" doc:"The placement it is for; null for a plain ratio."`
	Ratio     string  `json:"ratio"`
	Width     int     `json:"width"`
	Height    int     `json:"height"`
	Bytes     int64   `json:"bytes"`
	Crop      float64 `json:"crop" doc:"The largest share of a side cropped away."`
	URL       string  `json:"url"`
	// SourceURL is the generated image it was made from.
	SourceURL string `json:"source_url"`
	// The generation it came from: model, FAL endpoint, rendered prompt,
	// seed, and its share of that generation's cost (nil when not known).
	GenerationID *string  `json:"generation_id"`
	ModelID      *string  `json:"model_id"`
	Endpoint     *string  `json:"endpoint"`
	Prompt       *string  `json:"prompt"`
	Seed         *int64   `json:"seed"`
	Cost         *float64 `json:"cost" doc:"Its share of its generation's cost, in US dollars."`
	// Texts are the words drawn on it (headline, subline, cta).
	Texts map[string]string `json:"texts,omitempty"`
	// Layout is each drawn element's box and the contrast measured.
	Layout json.RawMessage `json:"layout,omitempty"`
	// ReusedFrom is the final this one reused (the run reused an earlier
	// Output's result: the same file).
	ReusedFrom *string   `json:"reused_from"`
	CreatedAt  time.Time `json:"created_at"`
}
