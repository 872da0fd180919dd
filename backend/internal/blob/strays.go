package blob

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Strays removes the files under Dir whose URL keep does not name and that
// were last written before cutoff (a newer one may be an upload or a run's
// image whose row is being saved), then the folders left empty. It returns
// how many files it removed and their bytes.
func (l Local) Strays(ctx context.Context, keep func(url string) bool, cutoff time.Time) (files int, bytes int64, err error) {
	var dirs []string
	err = filepath.WalkDir(l.Dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // nothing stored yet, or removed meanwhile
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if full != l.Dir {
				dirs = append(dirs, full)
			}
			return nil
		}
		rel, err := filepath.Rel(l.Dir, full)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil || !info.ModTime().Before(cutoff) || keep(l.Prefix+"/"+filepath.ToSlash(rel)) {
			return nil
		}
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return pathless("sweep "+filepath.ToSlash(rel), err)
		}
		files, bytes = files+1, bytes+info.Size()
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Remove(dirs[i]) // only an empty folder goes
	}
	return files, bytes, err
}
