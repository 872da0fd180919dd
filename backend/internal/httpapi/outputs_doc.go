package httpapi

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// describeOutputs puts each node type's output struct into the OpenAPI
// document as a component (TextInputOutput, ImageModelOutput, ...) and
// says a node execution's output_data is one of them, so the frontend's
// generated types read typed outputs.
func describeOutputs(api huma.API, reg *executor.Registry) {
	registry := api.OpenAPI().Components.Schemas
	var outputs []*huma.Schema
	for _, spec := range reg.Catalog() {
		if spec.OutputType == nil {
			continue
		}
		outputs = append(outputs, registry.Schema(spec.OutputType, true, spec.OutputType.Name()))
	}
	ne, ok := registry.Map()["NodeExecution"]
	if !ok || len(outputs) == 0 {
		return
	}
	ne.Properties["output_data"] = &huma.Schema{AnyOf: append(outputs, &huma.Schema{Type: "null"}),
		Description: "What the node handed on: its type's output (GET /api/node-types says which); null until it completes."}
}
