package files

import (
	"context"
	"log/slog"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// batch is how many queued objects one step deletes.
const batch = 200

// Sweeper deletes from storage the objects no row holds any more, as the
// database queued them (whatever deleted their last row). Sweeps may run
// at once, here and on other replicas: deleting twice is harmless.
type Sweeper struct {
	db    *store.Store
	blobs blob.Store
	log   *slog.Logger
}

// NewSweeper returns a sweeper of blobs' objects queued in db.
func NewSweeper(db *store.Store, blobs blob.Store, log *slog.Logger) *Sweeper {
	return &Sweeper{db: db, blobs: blobs, log: log}
}

// Sweep deletes what is queued now, up to requestSteps batches, until the
// queue is empty or storage fails (what failed is tried again by the next
// sweep, after the others). A request that deleted rows calls it before
// answering, so their files are gone when it does.
func (s *Sweeper) Sweep(ctx context.Context) { s.sweep(ctx, requestSteps) }

// requestSteps bounds the batches one request sweeps (a backlog is left to
// the background sweep).
const requestSteps = 10

// sweep deletes queued objects, at most steps batches (0: no limit).
func (s *Sweeper) sweep(ctx context.Context, steps int) {
	for i := 0; ctx.Err() == nil && (steps == 0 || i < steps); i++ {
		more, err := s.step(ctx)
		if err != nil {
			s.log.Warn("files: sweep", "err", err)
			return
		}
		if !more {
			return
		}
	}
}

// step deletes one batch of queued objects and says whether there may be
// more. Deleting twice is harmless (another replica may sweep at once).
func (s *Sweeper) step(ctx context.Context) (bool, error) {
	urls, err := s.db.QueuedDeletions(ctx, batch)
	if err != nil || len(urls) == 0 {
		return false, err
	}
	held, err := s.db.HeldAgain(ctx, urls)
	if err != nil {
		return false, err
	}
	var gone []string
	for _, u := range urls {
		if !held[u] {
			gone = append(gone, u)
		}
	}
	if err := s.blobs.Delete(ctx, gone...); err != nil {
		if ferr := s.db.DeletionFailed(context.WithoutCancel(ctx), gone); ferr != nil {
			s.log.Warn("files: count a failed deletion", "err", ferr)
		}
		return false, err
	}
	if err := s.db.Dequeue(context.WithoutCancel(ctx), urls); err != nil {
		return false, err
	}
	return len(urls) == batch, nil
}

// Run sweeps at once, then every interval until ctx ends: rows deleted past
// the API (a cascade from the Data API, a user removed) and sweeps that
// failed are caught up with.
func (s *Sweeper) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.sweep(ctx, 0)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
