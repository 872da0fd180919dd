package executor

import (
	"context"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TextInputType is the node type of TextInput.
const TextInputType workflow.NodeType = "TEXT_INPUT"

// TextInputConfig is TEXT_INPUT's config.
type TextInputConfig struct {
	Value string `json:"value" title:"Text" doc:"A product description, a slogan, any text." minLength:"1" maxLength:"10000" ui:"multiline"`
}

// textInput emits the text typed into it: {value} -> {text}.
type textInput struct{}

// NewTextInput returns the TEXT_INPUT executor.
func NewTextInput() Executor { return Typed[TextInputConfig](textInput{}) }

// Describe describes TEXT_INPUT.
func (textInput) Describe() Description {
	return Description{Type: TextInputType, Label: "Text input", Icon: "file-text",
		Description: "A product description, a slogan, any text.",
		Output:      TextInputOutput{}}
}

// Check refuses text that is only blanks.
func (textInput) Check(c *TextInputConfig, _ Wiring) []fault.Field {
	if strings.TrimSpace(c.Value) == "" {
		return []fault.Field{{Location: "value", Message: "type the text this node provides"}}
	}
	return nil
}

// Pure says an estimate or a run's precheck may run the node to foresee
// what follows it: it only hands on its text.
func (textInput) Pure() bool { return true }

// Run returns the text.
func (textInput) Run(_ context.Context, _ *Run, c TextInputConfig) (*Result, error) {
	return &Result{Output: OutputOf(TextInputOutput{Text: c.Value})}, nil
}
