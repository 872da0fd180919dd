package executor

import (
	"context"
	"sort"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/prompt"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// PromptType is the node type of Prompt.
const PromptType workflow.NodeType = "PROMPT"

// PromptConfig is PROMPT's config.
type PromptConfig struct {
	Template string `json:"template" title:"Template" doc:"{{text}}, {{trends}}, {{posts.0.title}} or {{Node name.key}} are filled from connected nodes." minLength:"1" maxLength:"10000" default:"A striking ad photo of {{text}}" ui:"multiline"`
}

// promptNode fills a {{variable}} template from its inputs: {template} -> {prompt}.
type promptNode struct{}

// NewPrompt returns the PROMPT executor.
func NewPrompt() Executor { return Typed[PromptConfig](promptNode{}) }

// Describe describes PROMPT.
func (promptNode) Describe() Description {
	return Description{Type: PromptType, Label: "Prompt", Icon: "message-square-text",
		Description: "A template: {{text}}, {{trends}}, {{posts.0.title}} or {{Node name.key}} are filled from connected nodes.",
		Inputs:      []Port{{Name: "vars", Label: "Variables", Kind: KindData}},
		Output:      PromptOutput{}, OpenInputs: true}
}

// Check refuses a template that is only blanks.
func (promptNode) Check(c *PromptConfig, _ Wiring) []fault.Field {
	if strings.TrimSpace(c.Template) == "" {
		return []fault.Field{{Location: "template", Message: "write the prompt template"}}
	}
	return nil
}

// Warn names the template's variables that no connected node provides,
// with the ones that are.
func (promptNode) Warn(c *PromptConfig, w Wiring) []fault.Field {
	names := w.Names()
	missing := prompt.Unprovided(c.Template, names)
	if len(missing) == 0 {
		return nil
	}
	have := make([]string, 0, len(names))
	for n := range names {
		have = append(have, n)
	}
	sort.Strings(have)
	msg := "no connected node provides {{" + strings.Join(missing, "}}, {{") + "}}"
	if len(have) > 0 {
		msg += "; available: " + strings.Join(have, ", ")
	} else {
		msg += "; connect a Text, Social media or other node to this prompt"
	}
	return []fault.Field{{Location: "template", Message: msg}}
}

// Pure says an estimate or a run's precheck may run the node to foresee
// what follows it: it only fills its template.
func (promptNode) Pure() bool { return true }

// Run renders the template.
func (promptNode) Run(ctx context.Context, r *Run, c PromptConfig) (*Result, error) {
	out, err := prompt.Render(ctx, c.Template, r.Inputs)
	if err != nil {
		return nil, err
	}
	return &Result{Output: OutputOf(PromptOutput{Prompt: out})}, nil
}
