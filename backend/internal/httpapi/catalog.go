package httpapi

import (
	"context"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// NodeTypesOutput answers GET /api/node-types.
type NodeTypesOutput struct {
	Body struct {
		NodeTypes []executor.Spec `json:"node_types"`
	}
}

// handleNodeTypes serves the catalog the palette and forms are built from.
func handleNodeTypes(eng *engine.Engine) func(context.Context, *struct{}) (*NodeTypesOutput, error) {
	return func(context.Context, *struct{}) (*NodeTypesOutput, error) {
		out := &NodeTypesOutput{}
		out.Body.NodeTypes = eng.Registry().Catalog()
		return out, nil
	}
}

// EstimateOutput answers POST /api/workflows/{id}/estimate.
type EstimateOutput struct {
	Body struct {
		TotalCost float64           `json:"total_cost"`
		Nodes     []engine.NodeCost `json:"nodes"`
	}
}

// EstimateBody is how a run would go (its options) and, optionally, the
// graph as the editor holds it, unsaved edits included, to price instead
// of the saved one.
type EstimateBody struct {
	RunOptionsBody
	Nodes []GraphNode `json:"nodes,omitempty" maxItems:"200" doc:"The graph to price, as PUT .../graph takes it; left out, the saved graph."`
	Edges []GraphEdge `json:"edges,omitempty" maxItems:"1000"`
}

// EstimateInput is the workflow to price and, optionally, how it would run.
type EstimateInput struct {
	ID   string        `path:"id" format:"uuid"`
	Body *EstimateBody `required:"false"`
}

// handleEstimate prices a run of the workflow as it is now (or of the
// unsaved graph the body sends, checked as a save would check it), saying
// which nodes would reuse an earlier output.
func handleEstimate(st *store.Store, eng *engine.Engine, log *slog.Logger, inline *perUser) func(context.Context, *EstimateInput) (*EstimateOutput, error) {
	checking := newGate(estimateSlots, "prices of unsaved graphs")
	return func(ctx context.Context, in *EstimateInput) (*EstimateOutput, error) {
		w, err := st.GetWorkflow(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		ctx, cancel := context.WithTimeout(ctx, estimateFor)
		defer cancel()
		var plan *engine.Plan // the graph compiled once, to check and price
		var ob *RunOptionsBody
		if in.Body != nil {
			ob = &in.Body.RunOptionsBody
			if len(in.Body.Nodes) > 0 {
				if err := inline.allow(userOf(ctx)); err != nil { // an unsaved graph costs its checking
					return nil, problem(log, err)
				}
				release, err := checking.enter(ctx, userOf(ctx))
				if err != nil {
					return nil, problem(log, err)
				}
				defer release()
				if plan, err = eng.Validate(graphOf(in.Body.Nodes, in.Body.Edges), w.UserID); err != nil {
					return nil, problem(log, err)
				}
			}
		}
		if plan == nil {
			plan = eng.Compile(workflow.Graph{Nodes: w.Nodes, Edges: w.Edges}, "") // checked when it was saved
		}
		o, err := ob.options()
		if err == nil {
			err = plan.CheckOptions(o)
		}
		if err != nil {
			return nil, problem(log, err)
		}
		out := &EstimateOutput{}
		out.Body.TotalCost, out.Body.Nodes = eng.Estimate(ctx, plan, w.UserID, o)
		return out, nil
	}
}

// estimateSlots is how many unsaved graphs are checked and priced at once
// in this process (one per user at a time).
const estimateSlots = 2

// estimateFor bounds the work of one estimate (foreseeing what pure nodes
// make, and measuring text): past it, what is not yet foreseen is priced
// as if it ran.
const estimateFor = 5 * time.Second

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
