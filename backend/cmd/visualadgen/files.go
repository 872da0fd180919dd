package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/files"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/thumb"
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

// startThumbs returns the maker of the local folder's thumbnails, cached in
// cache, after removing the cached thumbnails of images deleted meanwhile.
func startThumbs(ctx context.Context, dir, cache string, images *imaging.Budget, log *slog.Logger) *thumb.Maker {
	m := thumb.New(dir, cache, images)
	n, err := m.Prune(ctx)
	if err != nil {
		log.Warn("thumbnails: the cache was not pruned", "err", err)
	}
	if n > 0 {
		log.Info("thumbnails: removed those of deleted images", "files", n)
	}
	return m
}
