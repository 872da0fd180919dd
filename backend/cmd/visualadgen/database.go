package main

import (
	"context"
	"log/slog"
	"path/filepath"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
)

// database is the opened store with its event publisher and queue maker.
type database struct {
	store      *store.Store
	publisher  events.Publisher
	startQueue func(ctx context.Context, eng *engine.Engine, qc engine.QueueConfig, log *slog.Logger, a *app) error
}

// openDatabase opens Postgres (DATABASE_URL) or the SQLite file, starting
// the cross-replica event listener on Postgres.
func openDatabase(ctx context.Context, cfg interface{ DB() (string, string) }, log *slog.Logger, hub *events.Hub, a *app) (*database, error) {
	url, dataDir := cfg.DB()
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
		return &database{store: store.NewPostgres(pool), publisher: pub,
			startQueue: func(ctx context.Context, eng *engine.Engine, qc engine.QueueConfig, log *slog.Logger, a *app) error {
				q, err := engine.NewPostgresQueue(ctx, pool, eng, qc, log)
				return start(ctx, eng, q, err, a)
			}}, nil
	}
	db, err := sqlite.Open(ctx, filepath.Join(dataDir, "visualadgen.db"), log)
	if err != nil {
		return nil, err
	}
	a.closers = append(a.closers, func() { _ = db.Close() })
	return &database{store: store.NewSQLite(db), publisher: events.Local{Hub: hub},
		startQueue: func(ctx context.Context, eng *engine.Engine, qc engine.QueueConfig, log *slog.Logger, a *app) error {
			q, err := engine.NewSQLiteQueue(ctx, db, eng, qc, log)
			return start(ctx, eng, q, err, a)
		}}, nil
}

// queue is what start needs of a River queue.
type queue interface {
	engine.Queue
	Start(context.Context) error
	Stop(context.Context) error
}

// start attaches the queue to the engine and starts working jobs; closing
// the app stops it, letting running nodes finish for a while.
func start(ctx context.Context, eng *engine.Engine, q queue, err error, a *app) error {
	if err != nil {
		return err
	}
	eng.SetQueue(q)
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	a.closers = append(a.closers, func() {
		sctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
		defer cancel()
		_ = q.Stop(sctx)
	})
	return nil
}
