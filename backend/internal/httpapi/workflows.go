package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// WorkflowID is the path parameter of workflow routes.
type WorkflowID struct {
	ID string `path:"id" format:"uuid" doc:"Workflow id"`
}

// WorkflowOutput answers with one workflow.
type WorkflowOutput struct {
	Body workflow.Workflow
}

// CreateWorkflowInput is the body of POST /api/workflows.
type CreateWorkflowInput struct {
	Body struct {
		Name        string  `json:"name" minLength:"1" maxLength:"200" doc:"Workflow name"`
		Description *string `json:"description,omitempty" maxLength:"2000"`
	}
}

// handleCreateWorkflow creates an empty workflow.
func handleCreateWorkflow(st *store.Store, log *slog.Logger) func(context.Context, *CreateWorkflowInput) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *CreateWorkflowInput) (*WorkflowOutput, error) {
		w := workflow.Workflow{UserID: userOf(ctx), Name: in.Body.Name, Description: in.Body.Description, IsActive: true}
		if err := st.CreateWorkflow(ctx, &w); err != nil {
			return nil, problem(log, err)
		}
		w.Nodes, w.Edges = []workflow.Node{}, []workflow.Edge{}
		return &WorkflowOutput{Body: w}, nil
	}
}

// WorkflowSummary is a workflow in a list, without its graph.
type WorkflowSummary struct {
	ID          string  `json:"id"`
	UserID      string  `json:"user_id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
	CreatedAt   string  `json:"created_at" format:"date-time"`
	UpdatedAt   string  `json:"updated_at" format:"date-time"`
}

// WorkflowListOutput answers GET /api/workflows.
type WorkflowListOutput struct {
	Body struct {
		Workflows []WorkflowSummary `json:"workflows"`
	}
}

// handleListWorkflows lists the user's workflows, newest first.
func handleListWorkflows(st *store.Store, log *slog.Logger) func(context.Context, *struct{}) (*WorkflowListOutput, error) {
	return func(ctx context.Context, _ *struct{}) (*WorkflowListOutput, error) {
		list, err := st.ListWorkflows(ctx, userOf(ctx))
		if err != nil {
			return nil, problem(log, err)
		}
		out := &WorkflowListOutput{}
		out.Body.Workflows = make([]WorkflowSummary, len(list))
		for i, w := range list {
			out.Body.Workflows[i] = WorkflowSummary{ID: w.ID, UserID: w.UserID, Name: w.Name, Description: w.Description,
				IsActive: w.IsActive, CreatedAt: w.CreatedAt.Format(time.RFC3339Nano), UpdatedAt: w.UpdatedAt.Format(time.RFC3339Nano)}
		}
		return out, nil
	}
}

// handleGetWorkflow reads one workflow with its nodes and edges.
func handleGetWorkflow(st *store.Store, log *slog.Logger) func(context.Context, *WorkflowID) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *WorkflowID) (*WorkflowOutput, error) {
		w, err := st.GetWorkflow(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		return &WorkflowOutput{Body: w}, nil
	}
}

// PatchWorkflowInput is the body of PATCH /api/workflows/{id}.
type PatchWorkflowInput struct {
	ID   string `path:"id" format:"uuid"`
	Body struct {
		Name        *string `json:"name,omitempty" minLength:"1" maxLength:"200"`
		Description *string `json:"description,omitempty" maxLength:"2000"`
		IsActive    *bool   `json:"is_active,omitempty"`
	}
}

// handlePatchWorkflow renames or (de)activates a workflow.
func handlePatchWorkflow(st *store.Store, log *slog.Logger) func(context.Context, *PatchWorkflowInput) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *PatchWorkflowInput) (*WorkflowOutput, error) {
		w, err := st.UpdateWorkflow(ctx, userOf(ctx), in.ID, store.WorkflowPatch{Name: in.Body.Name,
			Description: in.Body.Description, IsActive: in.Body.IsActive})
		if err != nil {
			return nil, problem(log, err)
		}
		return &WorkflowOutput{Body: w}, nil
	}
}

// handleDeleteWorkflow deletes a workflow and everything in it.
func handleDeleteWorkflow(st *store.Store, log *slog.Logger) func(context.Context, *WorkflowID) (*struct{}, error) {
	return func(ctx context.Context, in *WorkflowID) (*struct{}, error) {
		if err := st.DeleteWorkflow(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		return nil, nil
	}
}

// GraphNode is a node as PUT .../graph takes it.
type GraphNode struct {
	ID            string          `json:"id" format:"uuid" doc:"Client-chosen UUID, so edges can name new nodes"`
	Type          string          `json:"type" doc:"One of the node types of GET /api/node-types."`
	Name          string          `json:"name" minLength:"1" maxLength:"100"`
	Config        json.RawMessage `json:"config,omitempty"`
	PositionX     float64         `json:"position_x,omitempty"`
	PositionY     float64         `json:"position_y,omitempty"`
	HasBreakpoint bool            `json:"has_breakpoint,omitempty"`
}

// GraphEdge is an edge as PUT .../graph takes it.
type GraphEdge struct {
	ID           string  `json:"id,omitempty" format:"uuid"`
	SourceNodeID string  `json:"source_node_id" format:"uuid"`
	TargetNodeID string  `json:"target_node_id" format:"uuid"`
	SourceHandle *string `json:"source_handle,omitempty"`
	TargetHandle *string `json:"target_handle,omitempty"`
}

// PutGraphInput is the body of PUT /api/workflows/{id}/graph.
type PutGraphInput struct {
	ID   string `path:"id" format:"uuid"`
	Body struct {
		Nodes []GraphNode `json:"nodes" maxItems:"200"`
		Edges []GraphEdge `json:"edges,omitempty" maxItems:"1000"`
	}
}

// handlePutGraph replaces the graph whole, after validating it like a run
// would; an invalid graph changes nothing.
func handlePutGraph(st *store.Store, eng *engine.Engine, log *slog.Logger) func(context.Context, *PutGraphInput) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *PutGraphInput) (*WorkflowOutput, error) {
		user := userOf(ctx)
		if _, err := st.GetWorkflow(ctx, user, in.ID); err != nil {
			return nil, problem(log, err)
		}
		var g workflow.Graph
		for _, n := range in.Body.Nodes {
			g.Nodes = append(g.Nodes, workflow.Node{ID: n.ID, Type: workflow.NodeType(n.Type), Name: n.Name,
				Config: n.Config, PositionX: n.PositionX, PositionY: n.PositionY, HasBreakpoint: n.HasBreakpoint})
		}
		for _, e := range in.Body.Edges {
			if e.ID == "" {
				e.ID = workflow.NewID()
			}
			g.Edges = append(g.Edges, workflow.Edge{ID: e.ID, SourceNodeID: e.SourceNodeID, TargetNodeID: e.TargetNodeID,
				SourceHandle: e.SourceHandle, TargetHandle: e.TargetHandle})
		}
		if len(g.Nodes) > 0 {
			if _, err := eng.Validate(g); err != nil {
				return nil, problem(log, err)
			}
		}
		if err := st.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, in.ID, g) }); err != nil {
			return nil, problem(log, err)
		}
		w, err := st.GetWorkflow(ctx, user, in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		return &WorkflowOutput{Body: w}, nil
	}
}
