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

// config decodes and checks the config.
func (Prompt) config(raw json.RawMessage) (promptConfig, []FieldError) {
	var c promptConfig
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	if strings.TrimSpace(c.Template) == "" {
		return c, []FieldError{{Field: "template", Message: "write the prompt template"}}
	}
	return c, nil
}

// Validate requires a template.
func (p Prompt) Validate(raw json.RawMessage) []FieldError {
	_, errs := p.config(raw)
	return errs
}

// Run renders the template.
func (p Prompt) Run(_ context.Context, r *Run) (*Result, error) {
	c, errs := p.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	out, err := prompt.Render(c.Template, r.Inputs)
	if err != nil {
		return nil, err
	}
	return &Result{Output: map[string]any{"prompt": out}}, nil
}
