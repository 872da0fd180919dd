package executor_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// TestConnectionRule checks the rule against a table written by hand: every
// pair of kinds is tried, and only these outputs feed these inputs.
func TestConnectionRule(t *testing.T) {
	allowed := map[executor.PortKind][]executor.PortKind{
		"text":   {"text", "data"},
		"image":  {"image"},
		"images": {"image", "images"},
		"data":   {"data"},
		"layout": {"layout"},
	}
	require.Len(t, executor.Kinds(), len(allowed), "a new kind needs a row here")
	for _, into := range executor.Kinds() {
		require.Equal(t, allowed[into], executor.Accepted(into), "what a %s input takes", into)
		for _, out := range executor.Kinds() {
			want := false
			for _, k := range allowed[into] {
				want = want || k == out
			}
			require.Equal(t, want, executor.Feeds(out, into), "%s output into %s input", out, into)
		}
	}
}

// TestKindsAgreeWithTheDocument checks that the OpenAPI enums of a port's
// kind and of what an input accepts list exactly Kinds.
func TestKindsAgreeWithTheDocument(t *testing.T) {
	var want []string
	for _, k := range executor.Kinds() {
		want = append(want, string(k))
	}
	kind, _ := reflect.TypeFor[executor.Port]().FieldByName("Kind")
	accepts, _ := reflect.TypeFor[executor.InputPort]().FieldByName("Accepts")
	require.Equal(t, want, strings.Split(kind.Tag.Get("enum"), ","), "Port.Kind's enum")
	require.Equal(t, want, strings.Split(accepts.Tag.Get("enum"), ","), "InputPort.Accepts's enum")
}

// TestCatalogServesAccepts checks that every input in the catalog says what
// it takes: by its kind, or every kind on a node with open inputs.
func TestCatalogServesAccepts(t *testing.T) {
	for _, ex := range []executor.Executor{executor.NewPrompt(), previewModel(nil), creatives.NewOutput(nil, nil)} {
		s := ex.Spec()
		require.NotEmpty(t, s.Inputs, s.Type)
		for _, p := range s.Inputs {
			want := executor.Accepted(p.Kind)
			if s.OpenInputs {
				want = executor.Kinds()
			}
			require.Equal(t, want, p.Accepts, "%s's %s input", s.Type, p.Name)
		}
	}
}

// TestMisfit checks edges by kind, with and without handles (an edge
// without a source handle brings all of its source's outputs).
func TestMisfit(t *testing.T) {
	end := func(name string, ex executor.Executor, handle string) executor.End {
		return executor.End{Name: name, Spec: ex.Spec(), Handle: handle}
	}
	text, photo, prompt := executor.NewTextInput(), executor.NewImageInput(), executor.NewPrompt()
	model, out := previewModel(nil), creatives.NewOutput(nil, nil)
	odd := executor.End{Name: "Odd", Spec: executor.Spec{Outputs: []executor.Port{{Name: "prompt", Label: "Prompt", Kind: executor.KindImages}}}}
	cases := []struct {
		what     string
		src, dst executor.End
		want     string
	}{
		{"text into a prompt input", end("Text", text, "text"), end("Flux", model, "prompt"), ""},
		{"an image into a list of images", end("Photo", photo, "image_url"), end("Out", out, "image_urls"), ""},
		{"anything into open inputs", end("Flux", model, "image_urls"), end("Copy", prompt, "vars"), ""},
		{"no handles: the prompt output lands on the prompt input", end("Copy", prompt, ""), end("Flux", model, ""), ""},
		{"no source handle: one output fits", end("Flux", model, ""), end("Out", out, "image_urls"), ""},
		{"images into a text input", end("Flux", model, "image_urls"), end("Flux 2", model, "prompt"),
			`"Flux"'s images output (images) cannot feed "Flux 2"'s prompt input: it takes text or data`},
		{"text into an image input", end("Text", text, "text"), end("Flux", model, "image_url"),
			`"Text"'s text output (text) cannot feed "Flux"'s image input: it takes an image`},
		{"no source handle: no output fits", end("Text", text, ""), end("Out", out, "layout"),
			`"Text"'s text output (text) cannot feed "Out"'s layout input: it takes an ad layout`},
		{"no target handle: no input of the output's name", end("Flux", model, ""), end("Flux 2", model, ""), ""},
		{"no target handle: the input of the output's name does not take it", odd, end("Flux", model, ""),
			`"Odd"'s prompt output (images) cannot feed "Flux"'s prompt input: it takes text or data`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, executor.Misfit(c.src, c.dst), c.what)
	}
}
