// Package files keeps stored objects in step with the rows that hold them:
// a run records the images it stores, and a sweeper deletes from storage
// what no row holds any more (and, at start-up, the local folder's files no
// row names).
package files

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// Store is blob storage whose runs' objects are recorded as held by the run
// that stored them (executors find HoldFile by type assertion).
type Store struct {
	blob.Store
	DB *store.Store
}

// HoldFile records that the run executionID (its node nodeID) holds the
// object at url, of kind (store.FileGeneration or store.FileFinal).
func (s Store) HoldFile(ctx context.Context, executionID, nodeID, url, kind string, bytes int64) error {
	return s.DB.HoldRunFile(ctx, executionID, nodeID, url, kind, bytes)
}
