package prompt

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRender covers the brief's rule and our additions.
func TestRender(t *testing.T) {
	inputs := map[string]any{
		"text":    "red sneakers",
		"trends":  []any{"ai", "retro"},
		"posts":   []any{map[string]any{"title": "Best shoes 2026"}},
		"Product": map[string]any{"text": "red sneakers"},
		"score":   1234.0,
	}
	cases := map[string]string{
		"An ad for {{text}}":              "An ad for red sneakers",
		"{{ text }} now":                  "red sneakers now",
		"Trending: {{trends}}":            "Trending: ai, retro",
		"Hook: {{posts.0.title}}":         "Hook: Best shoes 2026",
		"From node: {{Product.text}}":     "From node: red sneakers",
		"Score {{score}}":                 "Score 1234",
		"No variables":                    "No variables",
		"{{text}} and {{text}}":           "red sneakers and red sneakers",
		"Braces { alone } and {{{text}}}": "Braces { alone } and {red sneakers}",
	}
	for tpl, want := range cases {
		got, err := Render(tpl, inputs)
		require.NoError(t, err, tpl)
		require.Equal(t, want, got, tpl)
	}
}

// TestMissingVariable names what is missing and what is available.
func TestMissingVariable(t *testing.T) {
	_, err := Render("An ad for {{product}} with {{posts.3.title}}", map[string]any{"text": "x", "posts": []any{}})
	require.EqualError(t, err, "the template uses {{product}}, {{posts.3.title}}, which no connected node provides; available: posts, text")
	_, err = Render("{{x}}", nil)
	require.ErrorContains(t, err, "available: none")
}

// FuzzRender checks that no template panics and that a template without
// placeholders comes back unchanged.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"{{a}}", "{{ a.b.0 }}", "{{", "}}{{}}", "{{a}}{{b", "x{{.}}y", "{{0.0.0}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tpl string) {
		inputs := map[string]any{"a": map[string]any{"b": []any{"c"}}, "0": []any{[]any{"z"}}}
		out, err := Render(tpl, inputs)
		if !strings.Contains(tpl, "{{") && (err != nil || out != tpl) {
			t.Fatalf("plain text changed: %q -> %q, %v", tpl, out, err)
		}
	})
}
