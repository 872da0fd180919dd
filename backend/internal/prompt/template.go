// Package prompt fills {{variable}} templates from a node's inputs. It only
// substitutes values: templates never execute code.
package prompt

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// placeholder matches {{ name }} with optional whitespace inside the braces.
var placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// MissingError names the variables a template needs but the inputs lack.
type MissingError struct {
	Missing   []string
	Available []string
}

// Error lists what is missing and what could be used instead.
func (e *MissingError) Error() string {
	avail := "none (connect a node to this prompt)"
	if len(e.Available) > 0 {
		avail = strings.Join(e.Available, ", ")
	}
	return fmt.Sprintf("the template uses %s, which no connected node provides; available: %s",
		strings.Join(quote(e.Missing), ", "), avail)
}

// Render replaces each {{name}} with its value from inputs. A name may be a
// dotted path ("posts.0.title", "Product.text"); a key containing dots or
// spaces (a node name) is matched before the path is split. Lists of strings
// join with ", "; other values print as text.
func Render(template string, inputs map[string]any) (string, error) {
	var missing []string
	out := placeholder.ReplaceAllStringFunc(template, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		v, ok := lookup(inputs, name)
		if !ok {
			missing = append(missing, name)
			return m
		}
		return format(v)
	})
	if len(missing) > 0 {
		return "", &MissingError{Missing: dedupe(missing), Available: Available(inputs)}
	}
	return out, nil
}

// lookup resolves a possibly dotted name in inputs.
func lookup(inputs map[string]any, name string) (any, bool) {
	if v, ok := inputs[name]; ok {
		return v, true
	}
	// Try the longest key prefix first, so "Node name.text" finds the key
	// "Node name" even though it has no dot, and keys with dots still work.
	parts := strings.Split(name, ".")
	for i := len(parts) - 1; i >= 1; i-- {
		head := strings.Join(parts[:i], ".")
		if v, ok := inputs[head]; ok {
			if r, ok := walk(v, parts[i:]); ok {
				return r, true
			}
		}
	}
	return nil, false
}

// walk follows path through maps and lists.
func walk(v any, path []string) (any, bool) {
	for _, p := range path {
		switch c := v.(type) {
		case map[string]any:
			n, ok := c[p]
			if !ok {
				return nil, false
			}
			v = n
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		case []string:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// format prints a value for a prompt.
func format(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []string:
		return strings.Join(x, ", ")
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, format(e))
		}
		return strings.Join(parts, ", ")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, k+": "+format(x[k]))
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v)
}

// Available lists the top-level input names, sorted.
func Available(inputs map[string]any) []string {
	out := make([]string, 0, len(inputs))
	for k := range inputs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dedupe removes repeats, keeping order.
func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// quote wraps each name in {{ }} for messages.
func quote(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{" + n + "}}"
	}
	return out
}
