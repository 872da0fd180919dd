// Package httpapi is the HTTP surface of VisualAdGen: the brief's four
// endpoints and the rest of the API, documented as OpenAPI 3.1 by huma.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are what the server needs; everything is passed in, nothing global.
type Deps struct {
	Log     *slog.Logger
	DB      Pinger
	Version string
}

// NewServer builds the whole HTTP handler: the API, its OpenAPI document at
// /openapi.json and interactive docs at /docs.
func NewServer(d Deps) http.Handler {
	mux := http.NewServeMux()
	cfg := huma.DefaultConfig("VisualAdGen API", d.Version)
	// No $schema links in bodies: the brief's JSON shapes stay exact.
	cfg.CreateHooks = nil
	cfg.Info.Description = "Build ad-generation workflows, run and debug them, and read back every result and cost."
	api := humago.New(mux, cfg)
	addRoutes(api, d)
	return recoverer(d.Log, mux)
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
				http.Error(w, `{"title":"Internal Server Error","status":500}`, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
