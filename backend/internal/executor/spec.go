package executor

import (
	"reflect"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// PortKind is what flows through a port; a connection is allowed when the
// kinds fit (Accepted, in connect.go, is the rule).
type PortKind string

// The kinds of data that flow between nodes.
const (
	KindText   PortKind = "text"
	KindImage  PortKind = "image"
	KindImages PortKind = "images"
	KindData   PortKind = "data"
	// KindLayout is an ad's resolved layout (words and brand) for an Output.
	KindLayout PortKind = "layout"
)

// Port is one named input or output of a node type.
type Port struct {
	Name  string   `json:"name"`
	Label string   `json:"label"`
	Kind  PortKind `json:"kind" enum:"text,image,images,data,layout"`
	// Required inputs must be connected before the node can run.
	Required bool `json:"required,omitempty"`
}

// Description is what a node type says about itself, apart from its config.
type Description struct {
	Type        workflow.NodeType
	Label       string
	Description string
	// Icon names a lucide icon (https://lucide.dev) for the palette.
	Icon   string
	Inputs []Port
	// Output is a zero value of the node type's output struct: its fields
	// tagged port are its output ports (see outputs.go).
	Output any
	// Outputs are output ports of a node type without an output struct.
	Outputs []Port
	// OpenInputs lets an edge end at any handle name (a prompt variable).
	OpenInputs bool
	// Notice is what this server lacks for the node type to work as it
	// should (a missing key), shown on the palette and the node.
	Notice string
	// Unavailable, when set, says why the node type cannot run on this
	// server at all (a missing key): a run with such a node is refused
	// before it starts, naming the node.
	Unavailable string
}

// Spec describes a node type for the catalog (GET /api/node-types): the
// editor builds its palette, ports and config forms from it.
type Spec struct {
	Type        workflow.NodeType `json:"type"`
	Label       string            `json:"label"`
	Description string            `json:"description"`
	Icon        string            `json:"icon"`
	// ConfigSchema is the JSON Schema of the node's config (a *huma.Schema),
	// with titles, ui hints (x-ui), the fields' order (x-order) and, for
	// image models, each model's own ranges (x-models).
	ConfigSchema any         `json:"config_schema" doc:"JSON Schema of the node's config, with x-ui, x-order and x-models"`
	Inputs       []InputPort `json:"inputs"`
	Outputs      []Port      `json:"outputs"`
	OpenInputs   bool        `json:"open_inputs"`
	Notice       string      `json:"notice,omitempty" doc:"What this server lacks for the node type to work as it should (a missing key)."`
	Unavailable  string      `json:"unavailable,omitempty" doc:"Why the node type cannot run on this server at all (a missing key): a run with such a node is refused before it starts."`
	// Defaults is the config a new node starts with.
	Defaults map[string]any `json:"defaults"`
	// ConfigType is the Go type of the config, for the OpenAPI document.
	ConfigType reflect.Type `json:"-"`
	// OutputType is the Go type of the node's output (nil when it has no
	// output struct), for the OpenAPI document.
	OutputType reflect.Type `json:"-"`
}

// HasInput reports whether the node type has input handle h.
func (s Spec) HasInput(h string) bool {
	_, ok := inputNamed(s, h)
	return s.OpenInputs || ok
}

// Lists names the node type's list inputs (images): every source connected
// to one adds its items, instead of the last source winning.
func (s Spec) Lists() map[string]bool {
	out := map[string]bool{}
	for _, p := range s.Inputs {
		if p.Kind == KindImages {
			out[p.Name] = true
		}
	}
	return out
}

// HasOutput reports whether the node type has output handle h.
func (s Spec) HasOutput(h string) bool { return hasPort(s.Outputs, h) }

// hasPort reports whether ports has one named h.
func hasPort(ports []Port, h string) bool {
	for _, p := range ports {
		if p.Name == h {
			return true
		}
	}
	return false
}
