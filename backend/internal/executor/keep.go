package executor

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// FileHolder is a blob store that records which run holds what it stores,
// so a run's images are deleted with it (files.Store). A store without it
// (in tests) keeps what it stores unrecorded.
type FileHolder interface {
	HoldFile(ctx context.Context, executionID, nodeID, url, kind string, bytes int64) error
}

// Keep stores data under key for the run r and records that r holds it,
// as kind (store.FileGeneration or store.FileFinal). When the run is gone
// (its workflow was deleted meanwhile) the object is deleted again.
func Keep(ctx context.Context, blobs blob.Store, r *Run, key, kind, contentType string, data []byte) (string, error) {
	url, err := blobs.Put(ctx, key, contentType, data)
	if err != nil {
		return "", err
	}
	h, ok := blobs.(FileHolder)
	if !ok {
		return url, nil
	}
	if err := h.HoldFile(ctx, r.ExecutionID, r.NodeID, url, kind, int64(len(data))); err != nil {
		if fault.Is(err, fault.CodeNotFound) {
			_ = blobs.Delete(context.WithoutCancel(ctx), url)
		}
		return "", err
	}
	return url, nil
}
