package workflow

// RunOptions are how a run was asked for: what it may reuse of earlier
// runs and how far it goes.
type RunOptions struct {
	// FreshAll reuses nothing: every node runs anew.
	FreshAll bool `json:"fresh_all,omitempty"`
	// Fresh are nodes that, with everything after them, run anew.
	Fresh []string `json:"fresh,omitempty"`
	// Until is a node to run with only what it needs; the rest is skipped.
	Until string `json:"until,omitempty"`
}
