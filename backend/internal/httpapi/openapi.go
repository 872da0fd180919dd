package httpapi

import (
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// describeNodeTypes puts the registry's facts into the OpenAPI document:
// the node types a graph may hold (huma's body validation enforces the
// enum), and each node type's config schema as a component, so the
// frontend's generated types have a typed config per node type.
func describeNodeTypes(api huma.API, reg *executor.Registry) {
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
	for _, spec := range reg.Catalog() {
		if s, ok := spec.ConfigSchema.(*huma.Schema); ok && spec.ConfigType != nil {
			schemas[spec.ConfigType.Name()] = s
		}
	}
}
