package main

import (
	"context"
	"log/slog"
	"net/http"
	"path/filepath"

	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/httpapi"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
)

// app is the wired backend: its handler and what must be closed.
type app struct {
	handler http.Handler
	dbName  string
	closers []func()
}

// close releases everything wire opened, in reverse order.
func (a *app) close() {
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
}

// wire opens the database chosen by the configuration and builds the server.
func wire(ctx context.Context, cfg config.Config, log *slog.Logger) (*app, error) {
	a := &app{}
	var st *store.Store
	if cfg.DatabaseURL != "" {
		pool, err := postgres.Open(ctx, cfg.DatabaseURL, log)
		if err != nil {
			return nil, err
		}
		a.closers = append(a.closers, pool.Close)
		st, a.dbName = store.NewPostgres(pool), "postgres"
	} else {
		db, err := sqlite.Open(ctx, filepath.Join(cfg.DataDir, "visualadgen.db"), log)
		if err != nil {
			return nil, err
		}
		a.closers = append(a.closers, func() { _ = db.Close() })
		st, a.dbName = store.NewSQLite(db), "sqlite"
	}
	a.handler = httpapi.NewServer(httpapi.Deps{Log: log, DB: st, Version: version})
	return a, nil
}
