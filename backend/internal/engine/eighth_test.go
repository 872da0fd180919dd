package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// shoutType is an eighth node type, written here as a new one would be:
// one executor file (this config, output and node), one registry line
// and one migration line per database.
const shoutType workflow.NodeType = "SHOUT"

// ShoutConfig is the new node type's config: its tags are its schema.
type ShoutConfig struct {
	Suffix string `json:"suffix,omitempty" maxLength:"5" default:"!" doc:"Added after the text."`
}

// ShoutOutput is the new node type's output: its port-tagged field is its
// output port.
type ShoutOutput struct {
	Text string `json:"text" port:"text" title:"Text"`
}

// shout upper-cases the text it is given.
type shout struct{}

// Describe describes SHOUT.
func (shout) Describe() executor.Description {
	return executor.Description{Type: shoutType, Label: "Shout", Icon: "megaphone", Description: "The text in capitals.",
		Inputs: []executor.Port{{Name: "text", Label: "Text", Kind: executor.KindText}}, Output: ShoutOutput{}}
}

// Run upper-cases the text it is given and adds the suffix.
func (shout) Run(_ context.Context, r *executor.Run, c ShoutConfig) (*executor.Result, error) {
	text, _ := r.Inputs["text"].(string)
	return &executor.Result{Output: map[string]any{"text": strings.ToUpper(text) + c.Suffix}}, nil
}

// product is the fake text input's config: it outputs {"text": ...}.
const product = `{"out": {"text": "red sneakers"}}`

// migrations are the one line per database that adds the node type.
var migrations = map[string]string{
	"sqlite":   `insert into node_types (name) values ('SHOUT')`,
	"postgres": `alter type node_type add value 'SHOUT'`,
}

// TestAnEighthNodeTypeIsOneExecutorOneLineOneMigration adds SHOUT with
// only its executor, its registry entry and its migration line: the
// catalog serves its ports (from its output struct) and schema, a save
// refuses a bad config at its field, and a run completes it with its
// output, on both databases.
func TestAnEighthNodeTypeIsOneExecutorOneLineOneMigration(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, kind, Config{MaxParallel: 8, MaxAttempts: 3}, executor.Typed[ShoutConfig](shout{})) // the registry line
			require.NoError(t, h.exec(migrations[kind]))

			served, ok := h.eng.Registry().Spec(shoutType)
			require.True(t, ok)
			require.Equal(t, []executor.Port{{Name: "text", Label: "Text", Kind: executor.KindText}}, served.Outputs)
			require.Equal(t, "!", served.Defaults["suffix"])

			bad := h.workflowOf([]spec{{name: "Product", cfg: product}, {name: "Loud", ntype: shoutType, cfg: `{"suffix":"!!!!!!!!"}`}}, "Product>Loud")
			_, err := h.eng.Validate(workflow.Graph{Nodes: bad.Nodes, Edges: bad.Edges}, h.user)
			require.True(t, fault.Is(err, fault.CodeInvalid), "%v", err)
			require.Contains(t, fieldsOf(err), "nodes[1].config.suffix")

			w := h.workflowOf([]spec{{name: "Product", cfg: product}, {name: "Loud", ntype: shoutType}}, "Product>Loud")
			x, err := h.eng.Start(context.Background(), h.user, w.ID)
			require.NoError(t, err)
			h.waitFor(x.ID, workflow.ExecCompleted)
			var out ShoutOutput
			require.NoError(t, json.Unmarshal(h.nodes(w, x.ID)["Loud"].OutputData, &out))
			require.Equal(t, "RED SNEAKERS!", out.Text)
		})
	}
}

// fieldsOf lists the locations of an invalid graph's problems.
func fieldsOf(err error) []string {
	var out []string
	if e, ok := err.(*fault.Error); ok {
		for _, f := range e.Fields {
			out = append(out, f.Location)
		}
	}
	return out
}
