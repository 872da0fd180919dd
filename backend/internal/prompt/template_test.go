package prompt

import (
	"context"
	"fmt"
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
		got, err := Render(context.Background(), tpl, inputs)
		require.NoError(t, err, tpl)
		require.Equal(t, want, got, tpl)
	}
}

// TestMissingVariable names what is missing and what is available.
func TestMissingVariable(t *testing.T) {
	_, err := Render(context.Background(), "An ad for {{product}} with {{posts.3.title}}", map[string]any{"text": "x", "posts": []any{}})
	require.EqualError(t, err, "the template uses {{product}}, {{posts.3.title}}, which no connected node provides; available: posts, text")
	_, err = Render(context.Background(), "{{x}}", nil)
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
		out, err := Render(context.Background(), tpl, inputs)
		if !strings.Contains(tpl, "{{") && len(tpl) <= MaxChars && (err != nil || out != tpl) {
			t.Fatalf("plain text changed: %q -> %q, %v", tpl, out, err)
		}
	})
}

// TestHostileTemplates bounds what a template can cost: a name with many
// dots is refused without quadratic work, a prompt that would be huge stops
// at the cap, and hundreds of missing names make a short message.
func TestHostileTemplates(t *testing.T) {
	ctx := context.Background()
	dots := "{{" + strings.Repeat("a.", 100_000) + "a}}"
	_, err := Render(ctx, dots, map[string]any{"a": map[string]any{}})
	require.ErrorContains(t, err, "no connected node provides")
	_, err = Render(ctx, strings.Repeat("{{text}}", 2000), map[string]any{"text": strings.Repeat("x", 100_000)})
	require.ErrorContains(t, err, "longer than 2000 characters")
	var many strings.Builder
	for i := range 400 {
		fmt.Fprintf(&many, "{{v%d}}", i)
	}
	_, err = Render(ctx, many.String(), nil)
	require.Less(t, len(err.Error()), 400)
	require.Contains(t, err.Error(), "and 390 more")
	done, cancel := context.WithCancel(ctx)
	cancel()
	_, err = Render(done, strings.Repeat("{{a}}", 1000), map[string]any{"a": "b"})
	require.ErrorIs(t, err, context.Canceled)
}
