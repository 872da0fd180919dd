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

// WorkflowSummary is a workflow in a list, without its graph.
type WorkflowSummary struct {
	ID          string  `json:"id"`
	UserID      string  `json:"user_id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
	CreatedAt   string  `json:"created_at" format:"date-time"`
	UpdatedAt   string  `json:"updated_at" format:"date-time"`
	// LastRun is the newest run, left out before the first.
	LastRun *LastRunSummary `json:"last_run,omitempty"`
}

// LastRunSummary is a workflow's newest run as the list shows it.
type LastRunSummary struct {
	ID         string                   `json:"id"`
	Status     workflow.ExecutionStatus `json:"status"`
	StartedAt  time.Time                `json:"started_at"`
	FinishedAt *time.Time               `json:"finished_at"`
	TotalCost  *float64                 `json:"total_cost"`
	ImageURL   *string                  `json:"image_url" doc:"The first final image it delivered, if any."`
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
		last, err := st.LastRuns(ctx, userOf(ctx))
		if err != nil {
			return nil, problem(log, err)
		}
		out := &WorkflowListOutput{}
		out.Body.Workflows = make([]WorkflowSummary, len(list))
		for i, w := range list {
			out.Body.Workflows[i] = WorkflowSummary{ID: w.ID, UserID: w.UserID, Name: w.Name, Description: w.Description,
				IsActive: w.IsActive, CreatedAt: w.CreatedAt.Format(time.RFC3339Nano), UpdatedAt: w.UpdatedAt.Format(time.RFC3339Nano)}
			if r, ok := last[w.ID]; ok {
				out.Body.Workflows[i].LastRun = &LastRunSummary{ID: r.ID, Status: r.Status, StartedAt: r.StartedAt,
					FinishedAt: r.FinishedAt, TotalCost: r.TotalCost, ImageURL: r.Image}
			}
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

// WorkflowSettings are what PATCH /api/workflows/{id} patches: the fields
// POST sets, and whether the workflow is active.
type WorkflowSettings struct {
	WorkflowFields
	IsActive bool `json:"is_active"`
}

// handlePatchWorkflow renames, describes or (de)activates a workflow with
// a merge patch: the owner is checked first, then the merged settings are
// validated as POST validates a new workflow's; null clears the description.
func handlePatchWorkflow(st *store.Store, settings merger[WorkflowSettings], log *slog.Logger) func(context.Context, *PatchInput) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *PatchInput) (*WorkflowOutput, error) {
		w, err := st.GetWorkflow(ctx, userOf(ctx), in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		s, err := settings.apply(in, WorkflowSettings{WorkflowFields{Name: w.Name, Description: w.Description}, w.IsActive})
		if err != nil {
			return nil, err
		}
		w, err = st.UpdateWorkflow(ctx, userOf(ctx), in.ID, store.WorkflowPatch{Name: &s.Name,
			Description: s.Description, ClearDescription: s.Description == nil, IsActive: &s.IsActive})
		if err != nil {
			return nil, problem(log, err)
		}
		return &WorkflowOutput{Body: w}, nil
	}
}

// handleDeleteWorkflow deletes a workflow and everything in it.
func handleDeleteWorkflow(st *store.Store, files FileSweeper, log *slog.Logger) func(context.Context, *WorkflowID) (*struct{}, error) {
	return func(ctx context.Context, in *WorkflowID) (*struct{}, error) {
		if err := st.DeleteWorkflow(ctx, userOf(ctx), in.ID); err != nil {
			return nil, problem(log, err)
		}
		files.Sweep(ctx) // its runs' images and finals
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
		// Version is the version the editor loaded; left out, the save goes
		// over whatever is there.
		Version *int64 `json:"version,omitempty" minimum:"1" doc:"The workflow's version this graph was edited from; a save over a newer version answers 409."`
	}
}

// SavedGraphOutput answers PUT .../graph: the workflow as saved and what is
// likely wrong with it but did not stop the save.
type SavedGraphOutput struct {
	Body struct {
		workflow.Workflow
		Warnings []Warning `json:"warnings" doc:"Likely problems that did not stop the save: unconnected required inputs (a run refuses them), template variables no connected node provides."`
	}
}

// Warning is one likely problem, located as errors are.
type Warning struct {
	Location string `json:"location" doc:"Where, as in errors: body.nodes[<i>].config.<field> or body.nodes[<i>].inputs.<port>."`
	Message  string `json:"message"`
}

// handlePutGraph replaces the graph whole, after validating it like a run
// would; an invalid graph, or one edited from an older version, changes
// nothing.
func handlePutGraph(st *store.Store, eng *engine.Engine, log *slog.Logger) func(context.Context, *PutGraphInput) (*SavedGraphOutput, error) {
	return func(ctx context.Context, in *PutGraphInput) (*SavedGraphOutput, error) {
		user := userOf(ctx)
		if _, err := st.GetWorkflow(ctx, user, in.ID); err != nil {
			return nil, problem(log, err)
		}
		g := graphOf(in.Body.Nodes, in.Body.Edges)
		var plan *engine.Plan // nil for an empty graph, which warns of nothing
		if len(g.Nodes) > 0 {
			var err error
			if plan, err = eng.Validate(g, user); err != nil {
				return nil, problem(log, err)
			}
		}
		err := st.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.BumpVersion(ctx, in.ID, in.Body.Version); err != nil {
				return err
			}
			return tx.ReplaceGraph(ctx, in.ID, g)
		})
		if err != nil {
			return nil, problem(log, err)
		}
		w, err := st.GetWorkflow(ctx, user, in.ID)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &SavedGraphOutput{}
		out.Body.Workflow, out.Body.Warnings = w, []Warning{}
		for _, f := range plan.Warnings() {
			out.Body.Warnings = append(out.Body.Warnings, Warning{Location: "body." + f.Location, Message: f.Message})
		}
		return out, nil
	}
}

// graphOf is a graph as a request sends it (edges without an id get one).
func graphOf(nodes []GraphNode, edges []GraphEdge) workflow.Graph {
	var g workflow.Graph
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, workflow.Node{ID: n.ID, Type: workflow.NodeType(n.Type), Name: n.Name,
			Config: n.Config, PositionX: n.PositionX, PositionY: n.PositionY, HasBreakpoint: n.HasBreakpoint})
	}
	for _, e := range edges {
		if e.ID == "" {
			e.ID = workflow.NewID()
		}
		g.Edges = append(g.Edges, workflow.Edge{ID: e.ID, SourceNodeID: e.SourceNodeID, TargetNodeID: e.TargetNodeID,
			SourceHandle: e.SourceHandle, TargetHandle: e.TargetHandle})
	}
	return g
}
