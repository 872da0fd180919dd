package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// addRoutes lists the whole API surface in one place. Each route ends with
// the errors it answers beyond those its shape implies (a sign-in, an id, a
// body: see answers), as fault codes; the document lists them all.
func addRoutes(api huma.API, d Deps) {
	sec := []map[string][]string{{"bearer": {}}}
	op := func(id, method, path, summary, tag string, status int, errs ...fault.Code) huma.Operation {
		return declare(huma.Operation{OperationID: id, Method: method, Path: path, Summary: summary,
			Tags: []string{tag}, DefaultStatus: status, Security: sec}, errs...)
	}
	// pub is a route anyone may call: its empty security list is what the
	// auth middleware reads.
	pub := func(id, path, summary string, errs ...fault.Code) huma.Operation {
		return declare(huma.Operation{OperationID: id, Method: http.MethodGet, Path: path, Summary: summary,
			Tags: []string{"health"}, Security: []map[string][]string{}}, errs...)
	}
	st, eng, log := d.Store, d.Engine, d.Log

	huma.Register(api, pub("healthz", "/api/healthz", "The process is up"), handleHealthz())
	huma.Register(api, pub("readyz", "/api/readyz", "The database is reachable", fault.CodeUnavailable), handleReadyz(st))
	huma.Register(api, pub("config", "/api/config", "What the frontend needs to sign in (never a secret)"), handleConfig(d.Public))

	// The brief's four endpoints.
	huma.Register(api, op("execute", http.MethodPost, "/api/workflows/{workflow_id}/execute", "Start a run", "runs", 200, fault.CodePaymentRequired), handleExecute(eng, log))
	huma.Register(api, op("step", http.MethodPost, "/api/executions/{execution_id}/step", "Run the paused node, then pause again", "runs", 200, fault.CodeConflict), handleRelease(eng, log, true))
	huma.Register(api, op("cancel", http.MethodPost, "/api/executions/{execution_id}/cancel", "Cancel a run", "runs", 200, fault.CodeConflict), handleCancel(eng, log))
	huma.Register(api, op("reddit", http.MethodPost, "/api/social/reddit", "What is trending on a subreddit", "social", 200, fault.CodeUpstream, fault.CodeUnavailable), handleReddit(d.Reddit, log))

	// Runs.
	huma.Register(api, op("resume", http.MethodPost, "/api/executions/{execution_id}/resume", "Run on to the next breakpoint", "runs", 200, fault.CodeConflict), handleRelease(eng, log, false))
	huma.Register(api, op("get-execution", http.MethodGet, "/api/executions/{execution_id}", "A run with its nodes and generations", "runs", 200), handleGetExecution(st, log))
	open := newStreams(d.Streams.PerUser, d.Streams.Total, d.Streams.Open)
	registerEvents(api, op("execution-events", http.MethodGet, "/api/executions/{execution_id}/events", "Live state of a run (Server-Sent Events)", "runs", 200, fault.CodeTooMany), d, open)
	registerWorkflowEvents(api, op("workflow-events", http.MethodGet, "/api/workflows/{id}/events", "Live runs of a workflow (Server-Sent Events)", "runs", 200, fault.CodeTooMany), d, open)
	huma.Register(api, op("list-executions", http.MethodGet, "/api/workflows/{id}/executions", "A workflow's runs, newest first", "runs", 200), handleListExecutions(st, log))
	huma.Register(api, op("estimate", http.MethodPost, "/api/workflows/{id}/estimate", "What a run will cost", "runs", 200, fault.CodeTooMany), handleEstimate(st, eng, log, newPerUser(d.EstimatesPerMinute, "prices of unsaved graphs")))

	// Workflows.
	huma.Register(api, op("create-workflow", http.MethodPost, "/api/workflows", "Create a workflow", "workflows", 201), handleCreateWorkflow(st, d.Blobs, log))
	huma.Register(api, op("starters", http.MethodGet, "/api/starters", "Ready-to-run workflows to start from", "workflows", 200), handleStarters(d.Public))
	huma.Register(api, op("list-workflows", http.MethodGet, "/api/workflows", "Your workflows", "workflows", 200), handleListWorkflows(st, log))
	huma.Register(api, op("get-workflow", http.MethodGet, "/api/workflows/{id}", "A workflow with its nodes and edges", "workflows", 200), handleGetWorkflow(st, log))
	settings := newMerger[WorkflowSettings](log)
	registerPatch(api, op("patch-workflow", http.MethodPatch, "/api/workflows/{id}", "Rename, describe or (de)activate (a JSON merge patch)", "workflows", 200), settings, handlePatchWorkflow(st, settings, log))
	huma.Register(api, op("delete-workflow", http.MethodDelete, "/api/workflows/{id}", "Delete with everything in it (409 while a run of it is going)", "workflows", 204, fault.CodeConflict), handleDeleteWorkflow(st, d.Files, log))
	huma.Register(api, op("put-graph", http.MethodPut, "/api/workflows/{id}/graph", "Replace the nodes and edges, validated whole", "workflows", 200, fault.CodeConflict), handlePutGraph(st, eng, log))

	// You, your budget and your usage.
	huma.Register(api, op("me", http.MethodGet, "/api/me", "You, your monthly budget and this month's spend", "usage", 200), handleMe(st, log))
	huma.Register(api, op("set-budget", http.MethodPut, "/api/me/budget", "Set your monthly budget", "usage", 200), handleSetBudget(st, log))
	huma.Register(api, op("usage", http.MethodGet, "/api/usage", "What you spent, by day, workflow or model", "usage", 200), handleUsage(st, log))

	// Creatives: placements, brand kits, fonts.
	huma.Register(api, op("placements", http.MethodGet, "/api/placements", "Platform formats an Output can deliver", "creatives", 200), handlePlacements())
	huma.Register(api, op("list-brand-kits", http.MethodGet, "/api/brand-kits", "Your brand kits", "creatives", 200), handleListKits(st, log))
	huma.Register(api, op("create-brand-kit", http.MethodPost, "/api/brand-kits", "Create a brand kit", "creatives", 201), handleCreateKit(st, log))
	huma.Register(api, op("get-brand-kit", http.MethodGet, "/api/brand-kits/{id}", "A brand kit", "creatives", 200), handleGetKit(st, log))
	kits := newMerger[BrandKitBody](log)
	registerPatch(api, op("patch-brand-kit", http.MethodPatch, "/api/brand-kits/{id}", "Change a brand kit (a JSON merge patch)", "creatives", 200), kits, handlePatchKit(st, kits, log))
	huma.Register(api, op("delete-brand-kit", http.MethodDelete, "/api/brand-kits/{id}", "Delete a brand kit", "creatives", 204), handleDeleteKit(st, log))
	huma.Register(api, op("export", http.MethodGet, "/api/executions/{execution_id}/export", "A run's final ads as a zip with a manifest", "creatives", 200, fault.CodeConflict), handleExport(st, d.Blobs, log))
	huma.Register(api, op("layout-preview", http.MethodPost, "/api/layout-preview", "An ad layout drawn on a sample picture at a placement (PNG)", "creatives", 200, fault.CodeTooMany), handleLayoutPreview(st, d.Blobs, d.Uploads.Images, log))
	huma.Register(api, op("fonts", http.MethodGet, "/api/fonts", "Fonts a brand kit may use", "creatives", 200), handleFonts(st, log))
	huma.Register(api, op("upload-font", http.MethodPost, "/api/fonts", "Upload a TTF or OTF font", "creatives", 201, fault.CodeTooLarge), handleFontUpload(st, d.Blobs, d.Uploads, log))
	huma.Register(api, op("delete-font", http.MethodDelete, "/api/fonts/{id}", "Delete a font you uploaded", "creatives", 204, fault.CodeConflict), handleDeleteFont(st, d.Files, log))

	// Catalog and files.
	huma.Register(api, op("node-types", http.MethodGet, "/api/node-types", "The node catalog: config schemas, ports, defaults", "catalog", 200), handleNodeTypes(eng))
	huma.Register(api, op("upload", http.MethodPost, "/api/uploads", "Upload a product photo", "catalog", 200, fault.CodeTooLarge), handleUpload(st, d.Blobs, d.Uploads, log))
	huma.Register(api, op("delete-upload", http.MethodDelete, "/api/uploads/{id}", "Delete a photo or logo you uploaded, and its file", "catalog", 204, fault.CodeConflict), handleDeleteUpload(st, d.Files, log))
}
