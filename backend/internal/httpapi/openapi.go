package httpapi

import (
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
)

// describeNodeTypes puts the registry's facts into the OpenAPI document:
// the node types a graph may hold (huma's body validation enforces the
// enum), and each node type's config schema as a component, so the
// frontend's generated types have a typed config per node type; a saved
// node's config is one of them, and a catalog entry's config schema may
// carry the image models (x-models).
func describeNodeTypes(api huma.API, reg *executor.Registry) {
	describeOutputs(api, reg)
	schemas := api.OpenAPI().Components.Schemas.Map()
	types := reg.Types()
	enum := make([]any, len(types))
	for i, t := range types {
		enum[i] = string(t)
	}
	if node, ok := schemas["GraphNode"]; ok {
		node.Properties["type"].Enum = enum
		node.Properties["type"].PrecomputeMessages()
	}
	api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[executor.ServedModel](), true, "ServedModel")
	var configs []*huma.Schema
	for _, spec := range reg.Catalog() {
		s, ok := spec.ConfigSchema.(*huma.Schema)
		if !ok || spec.ConfigType == nil {
			configs = append(configs, &huma.Schema{Type: huma.TypeObject}) // a type without a schema takes any object
			continue
		}
		schemas[spec.ConfigType.Name()] = s
		configs = append(configs, &huma.Schema{Ref: "#/components/schemas/" + spec.ConfigType.Name()})
	}
	// Node is a saved node, read only: its config passed its type's schema
	// when it was saved. (GraphNode, which a save takes, stays open: the
	// engine checks each config against its own type, naming the field.)
	if node, ok := schemas["Node"]; ok && len(configs) > 0 {
		node.Properties["config"] = &huma.Schema{AnyOf: append(configs, &huma.Schema{Type: "null"}),
			Description: "The node's config, as its type's config schema (GET /api/node-types) accepted it; null when it has none."}
	}
	if spec, ok := schemas["Spec"]; ok {
		spec.Properties["config_schema"] = &huma.Schema{Type: huma.TypeObject, AdditionalProperties: true,
			Description: spec.Properties["config_schema"].Description,
			Properties: map[string]*huma.Schema{"x-models": {Type: huma.TypeArray, Items: &huma.Schema{Ref: "#/components/schemas/ServedModel"},
				Description: "IMAGE_MODEL's models, each with its own ranges and price."}}}
	}
}

// tidyDocument keeps the document to standard keywords and to the
// components a client can use: a pattern's words move from huma's
// patternDescription into the description (huma has worded its validation
// messages with them already), and the Go-side form file type, which huma
// registers but documents inline, goes.
func tidyDocument(oapi *huma.OpenAPI) {
	seen := map[*huma.Schema]bool{}
	var fold func(s *huma.Schema)
	fold = func(s *huma.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		schema.FoldPattern(s)
		fold(s.Items)
		for _, p := range s.Properties {
			fold(p)
		}
		for _, list := range [][]*huma.Schema{s.AllOf, s.AnyOf, s.OneOf} {
			for _, x := range list {
				fold(x)
			}
		}
	}
	for _, s := range oapi.Components.Schemas.Map() {
		fold(s)
	}
	delete(oapi.Components.Schemas.Map(), "FormFile")
}
