// Package httpapi is the HTTP surface of VisualAdGen: the brief's four
// endpoints and the rest of the API, documented as OpenAPI 3.1 by huma.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Authenticator turns an Authorization header into a verified user.
type Authenticator interface {
	Authenticate(ctx context.Context, authorization string) (workflow.User, error)
}

// Public is what GET /api/config tells the frontend; never a secret.
type Public struct {
	AuthMode               string `json:"auth_mode" enum:"local,supabase"`
	SupabaseURL            string `json:"supabase_url,omitempty"`
	SupabasePublishableKey string `json:"supabase_publishable_key,omitempty"`
	ImageGeneration        string `json:"image_generation" enum:"fal,preview" doc:"preview renders local placeholders at cost 0"`
	RedditConfigured       bool   `json:"reddit_configured"`
}

// Deps are what the server needs; everything is passed in, nothing global.
type Deps struct {
	Log      *slog.Logger
	Store    *store.Store
	Engine   *engine.Engine
	Hub      *events.Hub
	Auth     Authenticator
	Blobs    blob.Store
	FilesDir string      // local images served at /files, or "" with Supabase Storage
	Thumbs   Thumbnails  // downscaled local images (/files/...?w=), or nil
	Files    FileSweeper // deletes from storage the files of deleted rows
	Reddit   *reddit.Client
	Uploads  UploadLimits
	Streams  StreamLimits
	// EstimatesPerMinute bounds each user's estimates of unsaved graphs.
	EstimatesPerMinute int
	Public             Public
	Frontend           string // built frontend folder served at /, or ""
	Local              Local  // who may call in local mode (empty with Supabase)
	Version            string
}

// NewServer builds the whole HTTP handler: the API, its OpenAPI document at
// /openapi.json, interactive docs at /docs (served from the binary), local
// images and the frontend.
func NewServer(d Deps) http.Handler {
	mux := http.NewServeMux()
	newAPI(mux, d)
	mux.Handle("GET /docs/", docs("/openapi.json", "/docs/"))
	mux.Handle("GET /docs", http.RedirectHandler("/docs/", http.StatusMovedPermanently))
	mux.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeRaw(w, d.Log, fault.NotFound("no API route "+r.Method+" "+r.URL.Path+"; see /docs"))
	}))
	if d.FilesDir != "" {
		mux.Handle("GET /files/", http.StripPrefix("/files/", fileServer(d.FilesDir, d.Thumbs, d.Log)))
	}
	if d.Frontend != "" {
		mux.Handle("/", spa(d.Frontend))
	}
	return recoverer(d.Log, localGuard(d.Local, d.Log, limitBodies(refuseNUL(d.Log, releaseReadDeadline(compress(mux))))))
}

// newAPI registers the API on mux with its OpenAPI document: every
// operation's security and the errors it answers, the node types' schemas,
// standard keywords only.
func newAPI(mux *http.ServeMux, d Deps) huma.API {
	cfg := huma.DefaultConfig("VisualAdGen API", d.Version)
	// No $schema links in bodies: the brief's JSON shapes stay exact.
	cfg.CreateHooks = nil
	cfg.DocsPath = "" // served below, without a CDN
	cfg.Info.Description = "Build ad-generation workflows, run and debug them, and read back every result and cost."
	// The repository grants no licence (it has no LICENSE file): all rights are reserved.
	cfg.Info.License = &huma.License{Name: "Proprietary (all rights reserved)", Identifier: "LicenseRef-Proprietary"}
	cfg.Servers = []*huma.Server{{URL: "/", Description: "The server this document comes from: the API is under /api."}}
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer", BearerFormat: "Supabase JWT"},
	}
	api := humago.New(mux, cfg)
	api.UseMiddleware(authMiddleware(api, d))
	addRoutes(api, d)
	describeNodeTypes(api, d.Engine.Registry())
	documentErrors(api.OpenAPI())
	tidyDocument(api.OpenAPI())
	return api
}

// limitBodies caps request bodies (uploads have their own, larger cap).
func limitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := int64(1 << 20)
		switch r.URL.Path {
		case "/api/uploads":
			limit = blob.MaxSize + 1<<20
		case "/api/fonts":
			limit = fonts.MaxBytes + 1<<20
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panicking handler into a 500 and a log line with the
// request, so one bad request never takes the process down.
func recoverer(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(http.StatusInternalServerError)
				_, _ = w.Write([]byte(`{"title":"Internal Server Error","status":500,"detail":"something went wrong on our side"}`))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
