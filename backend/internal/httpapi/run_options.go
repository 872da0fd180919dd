package httpapi

import (
	"encoding/json"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// RunOptionsBody is the optional body of execute and estimate: what to run
// anew, and how far to run. Left out, a run is the brief's whole run,
// reusing what did not change.
type RunOptionsBody struct {
	Fresh json.RawMessage `json:"fresh,omitempty" doc:"true: reuse nothing; a list of node ids: those nodes and everything after them run anew."`
	Until string          `json:"until,omitempty" doc:"Run only this node and what it needs."`
}

// options reads the body into run options (nil for none).
func (b *RunOptionsBody) options() (*workflow.RunOptions, error) {
	if b == nil || len(b.Fresh) == 0 && b.Until == "" {
		return nil, nil
	}
	o := &workflow.RunOptions{Until: b.Until}
	if len(b.Fresh) > 0 && string(b.Fresh) != "null" {
		var all bool
		if json.Unmarshal(b.Fresh, &all) == nil {
			o.FreshAll = all
		} else if json.Unmarshal(b.Fresh, &o.Fresh) != nil || len(o.Fresh) > 200 {
			return nil, fault.Invalid("fresh must be true, false or a list of node ids",
				fault.Field{Location: "fresh", Message: "give true, false or a list of at most 200 node ids"})
		}
	}
	return o, nil
}
