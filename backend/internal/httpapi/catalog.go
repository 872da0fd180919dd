package httpapi

import (
	"context"
	"log/slog"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// NodeTypesOutput answers GET /api/node-types.
type NodeTypesOutput struct {
	Body struct {
		NodeTypes []executor.Spec `json:"node_types"`
		Prices    []cost.Price    `json:"prices"`
	}
}

// handleNodeTypes serves the catalog the palette and forms are built from.
func handleNodeTypes(eng *engine.Engine, prices cost.Table) func(context.Context, *struct{}) (*NodeTypesOutput, error) {
	return func(context.Context, *struct{}) (*NodeTypesOutput, error) {
		out := &NodeTypesOutput{}
		out.Body.NodeTypes = eng.Registry().Catalog()
		for _, id := range executor.ModelIDs {
			out.Body.Prices = append(out.Body.Prices, prices[id])
		}
		return out, nil
	}
}

// NodeCost is one node's share of an estimate.
type NodeCost struct {
	NodeID string  `json:"node_id"`
	Cost   float64 `json:"cost"`
}

// EstimateOutput answers POST /api/workflows/{id}/estimate.
type EstimateOutput struct {
	Body struct {
		TotalCost float64    `json:"total_cost"`
		Nodes     []NodeCost `json:"nodes"`
	}
}

// handleEstimate prices a run of the workflow as it is now.
func handleEstimate(st *store.Store, eng *engine.Engine, log *slog.Logger) func(context.Context, *WorkflowID) (*EstimateOutput, error) {
	return func(ctx context.Context, in *WorkflowID) (*EstimateOutput, error) {
		w, err := st.GetWorkflow(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, "workflow", err)
		}
		out := &EstimateOutput{}
		out.Body.Nodes = []NodeCost{}
		for _, n := range w.Nodes {
			ex, ok := eng.Registry().Get(n.Type)
			est, isEst := ex.(executor.Estimator)
			if !ok || !isEst {
				continue
			}
			c, err := est.Estimate(n.Config)
			if err != nil {
				c = 0 // an unfinished config costs nothing yet; PUT graph reports it
			}
			out.Body.Nodes = append(out.Body.Nodes, NodeCost{NodeID: n.ID, Cost: c})
			out.Body.TotalCost = cost.Round(out.Body.TotalCost + c)
		}
		return out, nil
	}
}

// ConfigOutput answers GET /api/config.
type ConfigOutput struct {
	Body Public
}

// handleConfig tells the frontend how to sign in; never a secret.
func handleConfig(p Public) func(context.Context, *struct{}) (*ConfigOutput, error) {
	return func(context.Context, *struct{}) (*ConfigOutput, error) {
		return &ConfigOutput{Body: p}, nil
	}
}
