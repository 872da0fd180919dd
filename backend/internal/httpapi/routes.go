package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// addRoutes lists the whole API surface in one place.
func addRoutes(api huma.API, d Deps) {
	huma.Register(api, huma.Operation{OperationID: "healthz", Method: http.MethodGet, Path: "/api/healthz",
		Summary: "The process is up", Tags: []string{"health"}}, handleHealthz())
	huma.Register(api, huma.Operation{OperationID: "readyz", Method: http.MethodGet, Path: "/api/readyz",
		Summary: "The database is reachable", Tags: []string{"health"}}, handleReadyz(d.DB))
}
