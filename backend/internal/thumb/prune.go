package thumb

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Prune removes the cached thumbnails whose image is gone (deleted with its
// upload, workflow or run) and any half-written file, then the folders
// left empty. It returns how many files it removed.
func (m *Maker) Prune(ctx context.Context) (int, error) {
	removed := 0
	var dirs []string
	err := filepath.WalkDir(m.cache, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // no thumbnail made yet
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if full != m.cache {
				dirs = append(dirs, full)
			}
			return nil
		}
		rel, err := filepath.Rel(m.cache, full)
		if err != nil {
			return err
		}
		if m.keeps(rel) {
			return nil
		}
		if err := os.Remove(full); err == nil {
			removed++
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Remove(dirs[i]) // only an empty folder goes
	}
	return removed, err
}

// keeps says whether the cache file at rel is a thumbnail of an image that
// is still there.
func (m *Maker) keeps(rel string) bool {
	if strings.HasPrefix(filepath.Base(rel), ".tmp-") {
		return false
	}
	i := strings.LastIndexByte(rel, '.')
	if i < 0 {
		return false
	}
	st, err := os.Stat(filepath.Join(m.dir, rel[:i]))
	return err == nil && st.Mode().IsRegular()
}
