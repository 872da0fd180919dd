// Package prompt fills {{variable}} templates from a node's inputs. It only
// substitutes values: templates never execute code.
package prompt

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// placeholder matches {{ name }} with optional whitespace inside the braces.
var placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// MissingError names the variables a template needs but the inputs lack.
type MissingError struct {
	Missing   []string
	Available []string
}

// Error lists what is missing and what could be used instead (at most
// maxListed of each, so the message stays short).
func (e *MissingError) Error() string {
	avail := "none (connect a node to this prompt)"
	if len(e.Available) > 0 {
		avail = listed(e.Available)
	}
	return fmt.Sprintf("the template uses %s, which no connected node provides; available: %s",
		listed(quote(e.Missing)), avail)
}

// listed joins names, naming at most maxListed and counting the rest.
func listed(names []string) string {
	if len(names) <= maxListed {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:maxListed], ", "), len(names)-maxListed)
}

// MaxChars is the longest prompt a node may produce or an image model may
// send. FAL declares no prompt limit for our models, but the models read only
// so much: FLUX's T5 encoder reads 512 tokens (256 on schnell) and SDXL's
// CLIP 77 (fal-ai/fal-js zod.gen.ts; huggingface.co/black-forest-labs/FLUX.1-dev
// discussion 43); at about four characters a token, 2,000 characters is more
// than any of them reads.
const MaxChars = 2000

// The bounds on a {{variable}} name: its length and how many dots it has.
const (
	maxNameLen  = 300
	maxNameDots = 16
)

// maxListed is how many missing variables an error names.
const maxListed = 10

// Render replaces each {{name}} with its value from inputs. A name may be a
// dotted path ("posts.0.title", "Product.text"); a key containing dots or
// spaces (a node name) is matched before the path is split. Lists of strings
// join with ", "; other values print as text. A prompt longer than MaxChars
// is refused (rendering stops as soon as it would be), and ctx is checked as
// placeholders are filled.
func Render(ctx context.Context, template string, inputs map[string]any) (string, error) {
	var out strings.Builder
	var missing []string
	chars, last, n := 0, 0, 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(template, -1) {
		if n++; n%64 == 0 && ctx.Err() != nil {
			return "", context.Cause(ctx)
		}
		name := template[m[2]:m[3]]
		v, ok := lookup(inputs, name)
		if !ok {
			missing = append(missing, name)
		}
		if ok && chars <= MaxChars { // past the cap only missing names still matter
			piece := template[last:m[0]] + format(v)
			chars += utf8.RuneCountInString(piece)
			out.WriteString(piece)
		}
		last = m[1]
	}
	if len(missing) > 0 {
		return "", &MissingError{Missing: dedupe(missing), Available: Available(inputs)}
	}
	rest := template[last:]
	if chars+utf8.RuneCountInString(rest) > MaxChars {
		return "", tooLong()
	}
	out.WriteString(rest)
	return out.String(), nil
}

// tooLong is the error of a prompt over MaxChars.
func tooLong() error {
	return fmt.Errorf("the prompt would be longer than %d characters, more than the image models read: shorten the template or its inputs", MaxChars)
}

// lookup resolves a possibly dotted name in inputs. Names are bounded, and
// each candidate key is a slice of the name, so the work is linear in its
// length times its (bounded) number of dots.
func lookup(inputs map[string]any, name string) (any, bool) {
	if len(name) > maxNameLen || strings.Count(name, ".") > maxNameDots {
		return nil, false
	}
	if v, ok := inputs[name]; ok {
		return v, true
	}
	// Try the longest key prefix first, so "Node name.text" finds the key
	// "Node name" even though it has no dot, and keys with dots still work.
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		if v, ok := inputs[name[:i]]; ok {
			if r, ok := walk(v, strings.Split(name[i+1:], ".")); ok {
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

// quote wraps each name in {{ }} for messages, shortening long ones.
func quote(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if r := []rune(n); len(r) > 60 {
			n = string(r[:57]) + "..."
		}
		out[i] = "{{" + n + "}}"
	}
	return out
}

// Unprovided lists the template's variables that none of the names can
// fill (deduplicated, in order): a variable is provided when it, or a part of
// it before a dot ("posts" of "posts.0.title", "Product" of
// "Product.text"), is one of the names. Editors warn with it before a run.
func Unprovided(template string, names map[string]bool) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(template, maxListed*10) {
		name := m[1]
		if len(name) > maxNameLen || provided(name, names) {
			continue
		}
		out = append(out, name)
	}
	return dedupe(out)
}

// provided reports whether name, or a dot-separated prefix of it, is a name.
func provided(name string, names map[string]bool) bool {
	for i := len(name); i > 0; i = strings.LastIndex(name[:i], ".") {
		if names[name[:i]] {
			return true
		}
	}
	return false
}
