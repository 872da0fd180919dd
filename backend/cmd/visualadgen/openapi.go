package main

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/httpapi"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
)

// writeOpenAPI writes the OpenAPI document to path without opening a
// database or listening: the frontend generates its API types from it.
func writeOpenAPI(path string) error {
	reg, err := registry(config.Config{}, blob.Local{}, &reddit.Client{}, imaging.NewBudget(1, 1), nil, nil)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	eng := engine.New(nil, reg, nil, nil, log, engine.Config{})
	h := httpapi.NewServer(httpapi.Deps{Log: log, Engine: eng, Version: version})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("openapi: HTTP %d", rec.Code)
	}
	return os.WriteFile(path, rec.Body.Bytes(), 0o644)
}
