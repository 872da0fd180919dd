package httpapi

import (
	"context"
	"log/slog"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/starters"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// WorkflowFields are a workflow's own fields, as POST sets them and PATCH
// (WorkflowSettings) changes them.
type WorkflowFields struct {
	Name        string  `json:"name" minLength:"1" maxLength:"200" doc:"Workflow name"`
	Description *string `json:"description,omitempty" maxLength:"2000"`
}

// CreateWorkflowInput is the body of POST /api/workflows.
type CreateWorkflowInput struct {
	Body struct {
		WorkflowFields
		Starter string `json:"starter,omitempty" maxLength:"100" doc:"Start from this starter of GET /api/starters instead of an empty graph."`
	}
}

// handleCreateWorkflow creates a workflow, empty or from a starter (whose
// graph is saved in the same transaction).
func handleCreateWorkflow(st *store.Store, blobs blob.Store, log *slog.Logger) func(context.Context, *CreateWorkflowInput) (*WorkflowOutput, error) {
	return func(ctx context.Context, in *CreateWorkflowInput) (*WorkflowOutput, error) {
		user := userOf(ctx)
		g := workflow.Graph{Nodes: []workflow.Node{}, Edges: []workflow.Edge{}}
		if in.Body.Starter != "" {
			s, ok := starters.Get(in.Body.Starter)
			if !ok {
				return nil, problem(log, fault.Invalid("unknown starter", fault.Field{Location: "starter", Message: "choose one of " + starterIDs()}))
			}
			var err error
			if g, err = s.Build(ctx, samplePhoto(st, blobs, user, log)); err != nil {
				return nil, problem(log, err)
			}
		}
		w := workflow.Workflow{UserID: user, Name: in.Body.Name, Description: in.Body.Description, IsActive: true}
		err := st.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.CreateWorkflow(ctx, &w); err != nil {
				return err
			}
			return tx.ReplaceGraph(ctx, w.ID, g)
		})
		if err != nil {
			return nil, problem(log, err)
		}
		if w, err = st.GetWorkflow(ctx, user, w.ID); err != nil {
			return nil, problem(log, err)
		}
		return &WorkflowOutput{Body: w}, nil
	}
}

// samplePhoto returns the URL of the photo starter's product photo for
// user: stored once per user at an opaque path, the record keeping whose
// it is.
func samplePhoto(st *store.Store, blobs blob.Store, user string, log *slog.Logger) starters.PhotoFunc {
	return func(ctx context.Context) (string, error) {
		if url, err := st.SampleOf(ctx, user); err != nil || url != "" {
			return url, err
		}
		data, err := imaging.SampleProduct()
		if err != nil {
			return "", err
		}
		ours, err := blobs.Put(ctx, blob.NewKey(), "image/png", data)
		if err != nil {
			return "", err
		}
		url, err := st.AddSample(ctx, user, ours, int64(len(data)))
		if err != nil || url != ours { // failed, or another request stored one first
			if derr := blobs.Delete(context.WithoutCancel(ctx), ours); derr != nil {
				log.Warn("files: delete an extra sample photo", "err", derr)
			}
		}
		return url, err
	}
}

// starterIDs lists the starters' ids for messages.
func starterIDs() string {
	var ids []string
	for _, s := range starters.All() {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}

// StarterInfo is a starter as GET /api/starters lists it.
type StarterInfo struct {
	starters.Starter
	// Missing names the settings it needs that this server lacks: it can be
	// created, but its runs fail until they are set.
	Missing []string `json:"missing"`
}

// StartersOutput answers GET /api/starters.
type StartersOutput struct {
	Body struct {
		Starters []StarterInfo `json:"starters"`
	}
}

// handleStarters lists the starters and what each still needs here.
func handleStarters(pub Public) func(context.Context, *struct{}) (*StartersOutput, error) {
	return func(context.Context, *struct{}) (*StartersOutput, error) {
		out := &StartersOutput{}
		for _, s := range starters.All() {
			info := StarterInfo{Starter: s, Missing: []string{}}
			if s.Needs == nil {
				info.Needs = []string{}
			}
			for _, n := range s.Needs {
				if n == "RAPIDAPI_KEY" && !pub.RedditConfigured {
					info.Missing = append(info.Missing, n)
				}
			}
			out.Body.Starters = append(out.Body.Starters, info)
		}
		return out, nil
	}
}
