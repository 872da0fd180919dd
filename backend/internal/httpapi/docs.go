package httpapi

import (
	"net/http"

	"github.com/swaggest/swgui/v5emb"
)

// docs serves Swagger UI for the OpenAPI document at spec, with its
// scripts and styles embedded in the binary, so the docs work offline.
func docs(spec, base string) http.Handler {
	return v5emb.New("VisualAdGen API", spec, base)
}
