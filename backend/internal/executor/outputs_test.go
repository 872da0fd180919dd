package executor_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// jsonNames lists the JSON names of a struct type's fields.
func jsonNames(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out[name] = true
	}
	return out
}

// TestOutputsAreTyped checks that each node type's output is a struct
// whose port-tagged fields are its output ports, and that what a run hands
// on is exactly that struct's fields (no key read or written by name
// elsewhere can drift from it).
func TestOutputsAreTyped(t *testing.T) {
	blobs := localBlobs(t)
	budget := imaging.NewBudget(40_000_000, 2)
	want := map[string][]string{"TEXT_INPUT": {"text"}, "IMAGE_INPUT": {"image_url"}, "PROMPT": {"prompt"},
		"IMAGE_MODEL": {"image_urls"}, "OUTPUT": {"final_images"}, "SOCIAL_MEDIA": {"posts", "trends"}}
	for _, ex := range []executor.Executor{executor.NewTextInput(), executor.NewImageInput(), executor.NewPrompt(),
		previewModel(blobs), creatives.NewOutput(blobs, budget), executor.NewSocialMedia(nil)} {
		spec := ex.Spec()
		require.NotNil(t, spec.OutputType, spec.Type)
		var ports []string
		for _, p := range spec.Outputs {
			ports = append(ports, p.Name)
			require.NotEmpty(t, p.Label, "%s's %s port has a label", spec.Type, p.Name)
		}
		require.Equal(t, want[string(spec.Type)], ports, spec.Type)
	}
	r := &executor.Run{ExecutionID: "e", NodeID: "n", Inputs: map[string]any{"prompt": "red sneakers"}, Shapes: []string{"1:1"},
		Config: json.RawMessage(`{"model":"fal-ai/flux/schnell"}`)}
	model := previewModel(blobs)
	res, err := model.Run(context.Background(), r)
	require.NoError(t, err)
	names := jsonNames(model.Spec().OutputType)
	for k := range res.Output {
		require.True(t, names[k], "IMAGE_MODEL hands on %q, a field of its output struct", k)
	}
	out, err := run(t, creatives.NewOutput(blobs, budget), `{"aspect_ratio":"1:1"}`, map[string]any{"image_urls": res.Output["image_urls"]})
	require.NoError(t, err)
	names = jsonNames(creatives.NewOutput(blobs, budget).Spec().OutputType)
	for k := range out.Output {
		require.True(t, names[k], "OUTPUT hands on %q, a field of its output struct", k)
	}
}
