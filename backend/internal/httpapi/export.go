package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/export"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
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

// manifestOf gathers every final of a run with what made it.
func manifestOf(ctx context.Context, st *store.Store, user, id string) (*export.Manifest, error) {
	x, err := st.GetExecution(ctx, user, id)
	if err != nil {
		return nil, err
	}
	w, err := st.GetWorkflow(ctx, user, x.WorkflowID)
	if err != nil {
		return nil, err
	}
	nes, err := st.ListNodeExecutions(ctx, id)
	if err != nil {
		return nil, err
	}
	gens, err := st.ListGenerations(ctx, id)
	if err != nil {
		return nil, err
	}
	m := &export.Manifest{Workflow: w.Name, Execution: id}
	for _, ne := range nes {
		var out struct {
			Finals []executor.Final `json:"finals"`
		}
		var in struct {
			Layout map[string]any `json:"layout"`
		}
		if ne.OutputData == nil || json.Unmarshal(ne.OutputData, &out) != nil || len(out.Finals) == 0 {
			continue
		}
		_ = json.Unmarshal(ne.InputData, &in)
		for _, f := range out.Finals {
			e := export.Entry{Placement: f.Placement, Ratio: f.Ratio, Width: f.Width, Height: f.Height, Texts: texts(in.Layout)}
			if f.Layout != nil {
				e.Layout = f.Layout
			}
			if p, ok := placements.Get(f.Placement); ok {
				e.Platform = p.Platform
			}
			describe(&e, gens, f.Source)
			m.Add(e, f.URL)
		}
	}
	if len(m.Images) == 0 {
		return nil, fault.Conflict("this run has no final images to export yet")
	}
	return m, nil
}

// describe fills what the generation of source says: model, seed, prompt,
// and the image's share of the cost.
func describe(e *export.Entry, gens []workflow.Generation, source string) {
	for _, g := range gens {
		for _, u := range g.ImageURLs {
			if u != source {
				continue
			}
			var params map[string]any
			_ = json.Unmarshal(g.Parameters, &params)
			e.Model, e.Prompt, e.Seed = g.ModelID, g.Prompt, params["seed"]
			if g.Cost != nil && len(g.ImageURLs) > 0 {
				c := *g.Cost / float64(len(g.ImageURLs))
				e.Cost = &c
			}
			return
		}
	}
}

// texts picks the words of a layout for the manifest.
func texts(layout map[string]any) map[string]any {
	if layout == nil {
		return nil
	}
	out := map[string]any{}
	for _, k := range []string{"headline", "subline", "cta"} {
		if v, ok := layout[k]; ok && v != "" {
			out[k] = v
		}
	}
	return out
}
