package schema

import (
	"fmt"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// Tune changes the property at path ("parameters.num_images") in both the
// schema the server validates with and the one it serves, so a fact that
// lives in a table (a model's ranges, the list of ratios) is set from there
// and still enforced. It panics on an unknown path (a programming error).
func (s *Of[C]) Tune(path string, fn func(p *huma.Schema)) {
	for _, root := range []*huma.Schema{s.root, s.Served} {
		p := s.find(root, strings.Split(path, "."))
		fn(p)
		p.PrecomputeMessages()
	}
}

// Extend sets an extension (x-...) on the served schema's root, for facts
// the editor needs beside the schema (each model's own ranges).
func (s *Of[C]) Extend(key string, v any) {
	s.Served.Extensions = withExt(s.Served.Extensions, key, v)
}

// find walks path from root through object properties and references.
func (s *Of[C]) find(root *huma.Schema, path []string) *huma.Schema {
	cur := root
	for _, name := range path {
		for cur.Ref != "" {
			cur = s.reg.SchemaFromRef(cur.Ref)
		}
		next, ok := cur.Properties[name]
		if !ok {
			panic(fmt.Sprintf("schema: no property %q", strings.Join(path, ".")))
		}
		cur = next
	}
	for cur.Ref != "" {
		cur = s.reg.SchemaFromRef(cur.Ref)
	}
	return cur
}
