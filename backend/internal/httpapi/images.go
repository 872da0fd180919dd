package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/thumb"
)

// Thumbnails open downscaled copies of the stored images (thumb.Maker).
type Thumbnails interface {
	// Open returns the file to answer for the image at rel shown w pixels
	// wide; thumb.ErrNotFound and thumb.ErrUnfit say why there is none.
	Open(ctx context.Context, rel string, w int) (*os.File, error)
}

// fileServer serves stored images without directory listings, cached long
// (their names never change); with ?w=<pixels> and thumbs, a copy
// downscaled to that width (snapped to thumb.Widths), or the image itself
// when it is no wider.
func fileServer(dir string, thumbs Thumbnails, log *slog.Logger) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		q := r.URL.Query().Get("w")
		if q == "" || thumbs == nil {
			w.Header().Set("Cache-Control", cacheForever) // errors drop it (http.ServeContent)
			fs.ServeHTTP(w, r)
			return
		}
		width, err := strconv.Atoi(q)
		if err != nil || width < 1 {
			http.Error(w, "w is the width to show the image at, in pixels (thumbnails are "+widthList()+" wide)", http.StatusBadRequest)
			return
		}
		f, err := thumbs.Open(r.Context(), r.URL.Path, width)
		switch {
		case errors.Is(err, thumb.ErrNotFound):
			http.NotFound(w, r)
			return
		case errors.Is(err, thumb.ErrUnfit):
			http.Error(w, strings.TrimPrefix(err.Error(), "thumb: "), http.StatusUnprocessableEntity)
			return
		case err != nil:
			log.Error("thumbnail", "path", r.URL.Path, "width", width, "err", err)
			http.Error(w, "the thumbnail could not be made", http.StatusInternalServerError)
			return
		}
		defer func() { _ = f.Close() }()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, "the thumbnail could not be read", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", cacheForever)
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// widthList names thumb.Widths for people ("160, 320 or 640").
func widthList() string {
	s := make([]string, len(thumb.Widths))
	for i, w := range thumb.Widths {
		s[i] = strconv.Itoa(w)
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
