package executor

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/prompt"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Prompt fills a {{variable}} template from its inputs: {template} -> {prompt}.
type Prompt struct{}

// promptConfig is PROMPT's config.
type promptConfig struct {
	Template string `json:"template"`
}

// Type returns PROMPT.
func (Prompt) Type() workflow.NodeType { return workflow.Prompt }

// Spec describes PROMPT.
func (Prompt) Spec() Spec {
	return Spec{Type: workflow.Prompt, Label: "Prompt",
		Description: "A template: {{text}}, {{trends}}, {{posts.0.title}} or {{Node name.key}} are filled from connected nodes.",
		ConfigSchema: schema([]string{"template"}, map[string]any{
			"template": map[string]any{"type": "string", "title": "Template", "minLength": 1, "maxLength": 10000, "x-multiline": true},
		}),
		Inputs:  []Port{{Name: "vars", Label: "Variables", Kind: "data"}},
		Outputs: []Port{{Name: "prompt", Label: "Prompt", Kind: "text"}}, OpenInputs: true,
		Defaults: map[string]any{"template": "A striking ad photo of {{text}}"}}
}

// Validate requires a template.
func (Prompt) Validate(raw json.RawMessage) []FieldError {
	var c promptConfig
	if errs := decodeConfig(raw, &c); errs != nil {
		return errs
	}
	if strings.TrimSpace(c.Template) == "" {
		return []FieldError{{Field: "template", Message: "write the prompt template"}}
	}
	return nil
}

// Run renders the template.
func (p Prompt) Run(_ context.Context, r *Run) (*Result, error) {
	if err := configError(p.Validate(r.Config)); err != nil {
		return nil, err
	}
	var c promptConfig
	_ = json.Unmarshal(r.Config, &c)
	out, err := prompt.Render(c.Template, r.Inputs)
	if err != nil {
		return nil, err
	}
	return &Result{Output: map[string]any{"prompt": out}}, nil
}
