package schema

import (
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// inline copies s for serving: references are replaced by the schemas they
// name, the struct tags huma does not read (title, ui) and the fields'
// order (x-order) are added, and a pattern's words move to the description
// (FoldPattern).
func inline(reg huma.Registry, s *huma.Schema, t reflect.Type) *huma.Schema {
	for s.Ref != "" {
		s = reg.SchemaFromRef(s.Ref)
	}
	cp := *s
	FoldPattern(&cp)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice && s.Items != nil {
		cp.Items = inline(reg, s.Items, t.Elem())
		return &cp
	}
	if t.Kind() != reflect.Struct || s.Properties == nil {
		return &cp
	}
	cp.Properties = make(map[string]*huma.Schema, len(s.Properties))
	var order []string
	for _, f := range fieldsOf(t) {
		name := jsonName(f)
		prop, ok := s.Properties[name]
		if !ok {
			continue
		}
		p := inline(reg, prop, f.Type)
		if title := f.Tag.Get("title"); title != "" {
			p.Title = title
		}
		if ui := f.Tag.Get("ui"); ui != "" {
			p.Extensions = withExt(p.Extensions, "x-ui", ui)
		}
		cp.Properties[name] = p
		order = append(order, name)
	}
	cp.Extensions = withExt(cp.Extensions, "x-order", order)
	return &cp
}

// FoldPattern moves s's patternDescription, the words huma puts in its
// validation message ("expected string to be a colour as #rrggbb") but no
// JSON Schema keyword, to the end of s's description, so a served schema
// holds standard keywords only. Call it on a copy, or after huma has
// worded its messages (they are worded when a schema is made): the words
// then stay in the messages.
func FoldPattern(s *huma.Schema) {
	words := s.PatternDescription
	if words == "" {
		return
	}
	s.Description = strings.TrimSpace(s.Description + " " + strings.ToUpper(words[:1]) + words[1:] + ".")
	s.PatternDescription = ""
}

// fieldsOf lists t's fields in order, with the fields of embedded structs
// (which JSON flattens) in place of the embedded field.
func fieldsOf(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Tag.Get("json") == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, fieldsOf(f.Type)...)
			continue
		}
		out = append(out, f)
	}
	return out
}

// jsonName is the JSON name of a struct field ("-" when it is skipped).
func jsonName(f reflect.StructField) string {
	if j := f.Tag.Get("json"); j != "" {
		if n := strings.Split(j, ",")[0]; n != "" {
			return n
		}
	}
	return f.Name
}

// withExt returns ext with key set, copying so shared schemas stay intact.
func withExt(ext map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(ext)+1)
	for k, x := range ext {
		out[k] = x
	}
	out[key] = v
	return out
}
