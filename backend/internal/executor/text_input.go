package executor

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TextInput emits the text typed into it: {value} -> {text}.
type TextInput struct{}

// textConfig is TEXT_INPUT's config.
type textConfig struct {
	Value string `json:"value"`
}

// Type returns TEXT_INPUT.
func (TextInput) Type() workflow.NodeType { return workflow.TextInput }

// Spec describes TEXT_INPUT.
func (TextInput) Spec() Spec {
	return Spec{Type: workflow.TextInput, Label: "Text input", Description: "A product description, a slogan, any text.",
		ConfigSchema: schema([]string{"value"}, map[string]any{
			"value": map[string]any{"type": "string", "title": "Text", "minLength": 1, "maxLength": 10000, "x-multiline": true},
		}),
		Outputs: []Port{{Name: "text", Label: "Text", Kind: "text"}}, Defaults: map[string]any{"value": ""}}
}

// config decodes and checks the config.
func (TextInput) config(raw json.RawMessage) (textConfig, []FieldError) {
	var c textConfig
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	if strings.TrimSpace(c.Value) == "" {
		return c, []FieldError{{Field: "value", Message: "type the text this node provides"}}
	}
	return c, nil
}

// Validate requires some text.
func (t TextInput) Validate(raw json.RawMessage) []FieldError {
	_, errs := t.config(raw)
	return errs
}

// Run returns the text.
func (t TextInput) Run(_ context.Context, r *Run) (*Result, error) {
	c, errs := t.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	return &Result{Output: map[string]any{"text": c.Value}}, nil
}
