// Package schema turns a typed Go config struct into the one home of its
// facts: the JSON Schema served to the editor, the defaults applied, and the
// validation the server enforces all come from the struct's tags.
//
// It builds on huma's schema registry and validator (the same code that
// checks API bodies), so a limit is written once, as a tag, and a value the
// served schema forbids is refused with the field's location. On top of
// huma's tags (doc, default, minimum, maximum, maxLength, enum, pattern, ...)
// it reads `title:"..."` (the form label) and `ui:"..."` (an editor hint such
// as multiline or upload), and records the fields' order as x-order.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// Of is the schema of one config type C.
type Of[C any] struct {
	reg  huma.Registry
	root *huma.Schema
	// Served is the schema with nested types inlined, titles, UI hints and
	// field order: what GET /api/node-types sends.
	Served *huma.Schema
}

// New builds the schema of C from its struct tags. It panics on malformed
// tags: they are programming errors found by the first test.
func New[C any]() *Of[C] {
	reg := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	t := reflect.TypeFor[C]()
	root := reg.Schema(t, false, t.Name())
	s := &Of[C]{reg: reg, root: root}
	s.Served = inline(reg, root, t)
	return s
}

// Decode reads raw as a C: it must be a JSON object that the schema
// accepts (unknown fields refused); missing fields take their defaults.
// It returns the config and its normalised JSON (defaults filled, keys
// sorted), or the problems, each located relative to the config
// ("parameters.num_images").
func (s *Of[C]) Decode(raw json.RawMessage) (C, json.RawMessage, []fault.Field) {
	var zero C
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = json.RawMessage(`{}`)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return zero, nil, []fault.Field{{Message: "the config is not valid JSON"}}
	}
	if _, ok := v.(map[string]any); !ok {
		return zero, nil, []fault.Field{{Message: "the config must be a JSON object"}}
	}
	if missing := missingRequired(s.reg, s.root, v, ""); len(missing) > 0 {
		return zero, nil, missing
	}
	res := &huma.ValidateResult{}
	huma.Validate(s.reg, s.root, huma.NewPathBuffer([]byte{}, 0), huma.ModeWriteToServer, v, res)
	if len(res.Errors) > 0 {
		return zero, nil, fields(res.Errors)
	}
	applyDefaults(s.reg, s.root, v)
	norm, err := json.Marshal(v)
	if err != nil {
		return zero, nil, []fault.Field{{Message: "the config cannot be encoded"}}
	}
	var c C
	dec := json.NewDecoder(bytes.NewReader(norm))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return zero, nil, []fault.Field{{Message: fmt.Sprintf("the config does not fit its type: %v", err)}}
	}
	return c, norm, nil
}

// Defaults returns the config an empty object decodes to, as JSON values.
func (s *Of[C]) Defaults() map[string]any {
	v := map[string]any{}
	applyDefaults(s.reg, s.root, v)
	return v
}

// fields converts huma's validation errors to located fields.
func fields(errs []error) []fault.Field {
	out := make([]fault.Field, 0, len(errs))
	for _, e := range errs {
		if d, ok := e.(*huma.ErrorDetail); ok {
			out = append(out, fault.Field{Location: strings.TrimPrefix(d.Location, "."), Message: d.Message})
			continue
		}
		out = append(out, fault.Field{Message: e.Error()})
	}
	return out
}

// missingRequired reports each required property that is absent, located
// at the property itself (so the editor marks the field, not the form).
func missingRequired(reg huma.Registry, s *huma.Schema, v any, at string) []fault.Field {
	for s.Ref != "" {
		s = reg.SchemaFromRef(s.Ref)
	}
	m, ok := v.(map[string]any)
	if !ok || s.Type != huma.TypeObject {
		return nil
	}
	var out []fault.Field
	for _, name := range s.Required {
		if _, present := m[name]; !present {
			out = append(out, fault.Field{Location: strings.TrimPrefix(at+"."+name, "."), Message: "is required"})
		}
	}
	for name, p := range s.Properties {
		if child, ok := m[name]; ok {
			out = append(out, missingRequired(reg, p, child, strings.TrimPrefix(at+"."+name, "."))...)
		}
	}
	return out
}

// applyDefaults fills missing properties of v (a decoded JSON object) with
// their schema defaults, recursing into nested objects; a missing nested
// object is created when it has defaults to hold.
func applyDefaults(reg huma.Registry, s *huma.Schema, v any) {
	for s.Ref != "" {
		s = reg.SchemaFromRef(s.Ref)
	}
	m, ok := v.(map[string]any)
	if !ok || s.Type != huma.TypeObject {
		return
	}
	for name, p := range s.Properties {
		cur, present := m[name]
		if !present && p.Default != nil {
			m[name] = p.Default
			continue
		}
		target := p
		for target.Ref != "" {
			target = reg.SchemaFromRef(target.Ref)
		}
		if target.Type != huma.TypeObject {
			continue
		}
		if !present {
			child := map[string]any{}
			applyDefaults(reg, target, child)
			if len(child) > 0 {
				m[name] = child
			}
			continue
		}
		applyDefaults(reg, target, cur)
	}
}
