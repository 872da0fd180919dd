package executor

import (
	"encoding/json"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Port is one named input or output of a node type.
type Port struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	// Kind is what flows through it: text, image, images, data.
	Kind string `json:"kind"`
}

// Spec describes a node type for the catalog (GET /api/node-types): the
// UI builds its palette and config forms from it.
type Spec struct {
	Type        workflow.NodeType `json:"type"`
	Label       string            `json:"label"`
	Description string            `json:"description"`
	// ConfigSchema is the JSON Schema of the node's config.
	ConfigSchema map[string]any `json:"config_schema"`
	Inputs       []Port         `json:"inputs"`
	Outputs      []Port         `json:"outputs"`
	// OpenInputs lets an edge end at any handle name (a prompt variable).
	OpenInputs bool           `json:"open_inputs"`
	Defaults   map[string]any `json:"defaults"`
}

// Describer is implemented by executors that publish a Spec.
type Describer interface {
	Spec() Spec
}

// FieldError is one problem with a node's config.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Validator is implemented by executors that check their config before a
// run starts, so a badly configured workflow is refused up front.
type Validator interface {
	Validate(config json.RawMessage) []FieldError
}
