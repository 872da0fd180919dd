package files

import (
	"context"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// StrayAge is how old a file no row names must be before the start-up
// sweep removes it: a younger one may be an upload or a run's image whose
// row is being saved (by another replica sharing the folder).
const StrayAge = time.Hour

// userKinds are the kinds only ever stored through this store's Put (the
// runs' generations may name outside URLs, from before they were copied).
var userKinds = map[string]bool{store.FileUpload: true, store.FileFont: true, store.FileSample: true, store.FileLegacy: true}

// Strays removes the local folder's files that no row names (stored by an
// attempt that failed before its row was saved, by a process that stopped
// in between, or before rows recorded files), written over StrayAge ago.
// When the rows name files of another store (PUBLIC_BASE_URL or the storage
// changed), nothing is removed: those files would all look like strays.
func Strays(ctx context.Context, db *store.Store, l blob.Local) (files int, bytes int64, err error) {
	named := map[string]bool{}
	foreign := ""
	err = db.RecordedFiles(ctx, func(url, kind string) bool {
		if userKinds[kind] && !l.Owns(url) {
			foreign = url
			return false
		}
		named[url] = true
		return true
	})
	if err != nil {
		return 0, 0, err
	}
	if foreign != "" {
		return 0, 0, fmt.Errorf("files: a row names %s, which is not under %s: the folder is not swept", foreign, l.Prefix)
	}
	return l.Strays(ctx, func(url string) bool { return named[url] }, time.Now().Add(-StrayAge))
}
