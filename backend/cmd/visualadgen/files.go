package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/files"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// sweepEvery is how often queued file deletions are retried and those of
// rows deleted past the API (a cascade from the Data API) are caught up.
const sweepEvery = 5 * time.Minute

// startSweeping removes the local folder's stray files (before anything
// runs), then sweeps the deletion queue at once and every sweepEvery until
// the app closes; it returns the sweeper for the API's deletes.
func startSweeping(ctx context.Context, a *app, db *store.Store, blobs blob.Store, log *slog.Logger) *files.Sweeper {
	if l, ok := blobs.(blob.Local); ok {
		n, size, err := files.Strays(ctx, db, l)
		if err != nil {
			log.Warn("files: stray files were not swept", "err", err)
		}
		if n > 0 {
			log.Info("files: removed stray files no row names", "files", n, "bytes", size)
		}
	}
	s := files.NewSweeper(db, blobs, log)
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Run(sctx, sweepEvery)
	}()
	a.closers = append(a.closers, func() {
		cancel()
		<-done
	})
	return s
}
