package main

import (
	"context"
	"log/slog"
	"path/filepath"

	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
)

// jobQueue is what the backend needs of its job queue.
type jobQueue interface {
	engine.Queue
	Start(ctx context.Context, hooks queue.Hooks) error
	Stop(ctx context.Context) error
	Waiting(ctx context.Context) (map[string]int, error)
}

// database is the opened store with its event publisher and job queue.
type database struct {
	store     *store.Store
	publisher events.Publisher
	queue     jobQueue
}

// openDatabase opens Postgres (DATABASE_URL) or the SQLite file, with the
// job queue on the same database, starting the cross-replica event
// listener on Postgres.
func openDatabase(ctx context.Context, cfg config.Config, log *slog.Logger, hub *events.Hub, a *app) (*database, error) {
	url, dataDir := cfg.DB()
	qc := queue.Config{Workers: cfg.Workers, NodeTimeout: cfg.NodeTimeout, RescueAfter: cfg.RescueAfter}
	if url != "" {
		pool, err := postgres.Open(ctx, url, log)
		if err != nil {
			return nil, err
		}
		a.closers = append(a.closers, pool.Close)
		pub := events.Postgres{Pool: pool, Log: log}
		lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		ready := make(chan struct{})
		done := make(chan struct{})
		go func() { defer close(done); pub.Listen(lctx, hub, ready) }()
		a.closers = append(a.closers, func() { cancel(); <-done })
		<-ready
		q, err := queue.NewPostgres(ctx, pool, qc, log)
		if err != nil {
			return nil, err
		}
		return &database{store: store.NewPostgres(pool), publisher: pub, queue: q}, nil
	}
	db, err := sqlite.Open(ctx, filepath.Join(dataDir, "visualadgen.db"), log)
	if err != nil {
		return nil, err
	}
	a.closers = append(a.closers, func() { _ = db.Close() })
	q, err := queue.NewSQLite(ctx, db, qc, log)
	if err != nil {
		return nil, err
	}
	return &database{store: store.NewSQLite(db), publisher: events.Local{Hub: hub}, queue: q}, nil
}
