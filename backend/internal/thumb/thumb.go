// Package thumb makes downscaled copies of stored images at a few fixed
// widths, for lists and galleries that show them small, and keeps them in a
// cache folder beside the images' own.
package thumb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// Widths are the widths thumbnails are made at, smallest first: a fixed few,
// so an image has at most this many thumbnails and each URL stays
// cacheable. The frontend asks for the same (frontend/src/lib/thumbs.ts; a
// test checks they agree).
var Widths = []int{160, 320, 640}

// Snap is the width of Widths a request for w pixels gets: the smallest not
// narrower than w, or the largest.
func Snap(w int) int {
	for _, s := range Widths {
		if w <= s {
			return s
		}
	}
	return Widths[len(Widths)-1]
}

// ErrNotFound is a path that names no image of the folder (missing, a
// folder, or outside it).
var ErrNotFound = errors.New("thumb: no such image")

// ErrUnfit is an image that no thumbnail is made of: not one this server
// reads, or over the image budget.
var ErrUnfit = errors.New("thumb: no thumbnail of this file")

// makeTimeout bounds making one thumbnail (waiting for a decoding slot
// included), whoever asked first having left or not.
const makeTimeout = 30 * time.Second

// Maker makes the thumbnails of the images in one folder and caches them in
// another.
type Maker struct {
	dir, cache string
	images     *imaging.Budget
	flights    singleflight.Group
	// slots bound the thumbnails made at once: a decoded image is held
	// while it is scaled, past the budget's own decoding slot.
	slots chan struct{}
}

// New makes thumbnails of the images in dir, decoded through images'
// budget, cached in cache.
func New(dir, cache string, images *imaging.Budget) *Maker {
	return &Maker{dir: dir, cache: cache, images: images, slots: make(chan struct{}, 2)}
}

// Open returns the file to answer for the image at rel (a slash path under
// the folder) shown w pixels wide (snapped to Widths): its cached thumbnail,
// made on first use, or the image itself when it is no wider. The caller
// closes it.
func (m *Maker) Open(ctx context.Context, rel string, w int) (*os.File, error) {
	rel = path.Clean("/" + rel)[1:]
	if !filepath.IsLocal(rel) {
		return nil, ErrNotFound
	}
	orig, err := os.OpenInRoot(m.dir, filepath.FromSlash(rel))
	if err != nil {
		m.forget(rel) // the image is gone: so are its thumbnails
		return nil, ErrNotFound
	}
	st, err := orig.Stat()
	if err != nil || !st.Mode().IsRegular() {
		_ = orig.Close()
		return nil, ErrNotFound
	}
	cached := m.cachePath(rel, Snap(w))
	if f, ok := openFresh(cached, st.ModTime()); ok {
		_ = orig.Close()
		return f, nil
	}
	info, err := m.images.InspectReader(orig)
	if err != nil {
		_ = orig.Close()
		return nil, fmt.Errorf("%w: %v", ErrUnfit, err)
	}
	if info.Width <= Snap(w) {
		_, err = orig.Seek(0, 0)
		return orig, err
	}
	_ = orig.Close()
	if st.Size() > blob.MaxSize {
		return nil, fmt.Errorf("%w: the file is over %d MB", ErrUnfit, blob.MaxSize>>20)
	}
	_, err, _ = m.flights.Do(cached, func() (any, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), makeTimeout)
		defer cancel()
		return nil, m.make(fctx, rel, cached, Snap(w), info)
	})
	if err != nil {
		return nil, err
	}
	return os.Open(cached)
}

// cachePath is where the thumbnail of rel at width w is kept.
func (m *Maker) cachePath(rel string, w int) string {
	return filepath.Join(m.cache, filepath.FromSlash(rel)) + "." + strconv.Itoa(w)
}

// forget removes the cached thumbnails of rel.
func (m *Maker) forget(rel string) {
	if !filepath.IsLocal(rel) {
		return
	}
	for _, w := range Widths {
		_ = os.Remove(m.cachePath(rel, w))
	}
}

// openFresh opens a cached thumbnail written after its image was.
func openFresh(cached string, image time.Time) (*os.File, bool) {
	f, err := os.Open(cached)
	if err != nil {
		return nil, false
	}
	if st, err := f.Stat(); err != nil || st.ModTime().Before(image) {
		_ = f.Close()
		return nil, false
	}
	return f, true
}
