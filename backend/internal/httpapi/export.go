package httpapi

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/export"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// handleExport answers a run's final ads as a zip with a manifest (the
// caller's runs only; another user's run is not found).
func handleExport(st *store.Store, blobs blob.Store, log *slog.Logger) func(context.Context, *ExecutionPath) (*huma.StreamResponse, error) {
	return func(ctx context.Context, in *ExecutionPath) (*huma.StreamResponse, error) {
		m, err := manifestOf(ctx, st, userOf(ctx), in.ExecutionID)
		if err != nil {
			return nil, problem(log, err)
		}
		name := fmt.Sprintf("%s-%s.zip", export.Slug(m.Workflow), in.ExecutionID[len(in.ExecutionID)-8:])
		return &huma.StreamResponse{Body: func(hc huma.Context) {
			if _, w := humago.Unwrap(hc); w != nil { // a big zip may take longer than other answers may
				_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
			}
			hc.SetHeader("Content-Type", "application/zip")
			hc.SetHeader("Content-Disposition", `attachment; filename="`+name+`"`)
			read := func(url string) ([]byte, error) { return blobs.Get(hc.Context(), url) }
			if err := m.Write(hc.BodyWriter(), read); err != nil {
				log.Warn("export: writing the zip failed", "execution_id", in.ExecutionID, "err", err)
			}
		}}, nil
	}
}

// manifestOf gathers every final of a run with what made it, from the
// run's final records (the gallery and GET /api/executions/{id} read the
// same records, so they always agree).
func manifestOf(ctx context.Context, st *store.Store, user, id string) (*export.Manifest, error) {
	x, err := st.GetExecution(ctx, user, id)
	if err != nil {
		return nil, err
	}
	w, err := st.GetWorkflow(ctx, user, x.WorkflowID)
	if err != nil {
		return nil, err
	}
	finals, err := st.ListFinals(ctx, id)
	if err != nil {
		return nil, err
	}
	m := &export.Manifest{Workflow: w.Name, Execution: id}
	for _, f := range finals {
		e := export.Entry{Final: f.ID, Ratio: f.Ratio, Width: f.Width, Height: f.Height, Seed: f.Seed, Cost: f.Cost,
			Model: deref(f.ModelID), Endpoint: deref(f.Endpoint), Prompt: deref(f.Prompt), ReusedFrom: f.ReusedFrom}
		if f.Placement != nil {
			e.Placement = *f.Placement
			if p, ok := placements.Get(e.Placement); ok {
				e.Platform = p.Platform
			}
		}
		if len(f.Texts) > 0 {
			e.Texts = f.Texts
		}
		if len(f.Layout) > 0 {
			e.Layout = f.Layout
		}
		m.Add(e, f.URL)
	}
	if len(m.Images) == 0 {
		return nil, fault.Conflict("this run has no final images to export yet")
	}
	return m, nil
}

// deref is *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
