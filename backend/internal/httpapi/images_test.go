package httpapi

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/thumb"
)

// pngOf encodes a w x h picture, opaque or see-through.
func pngOf(t *testing.T, w, h int, opaque bool) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			a := uint8(255)
			if !opaque {
				a = uint8(x % 256)
			}
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, a})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// imageFolder is a local image folder with its thumbnail cache beside it.
type imageFolder struct {
	files, cache string
	url          string
}

// serveImages stores images (path under /files: bytes) and serves them
// with thumbnails, decoded under a budget of maxPixels.
func serveImages(t *testing.T, maxPixels int, images map[string][]byte) imageFolder {
	t.Helper()
	root := t.TempDir()
	f := imageFolder{files: filepath.Join(root, "files"), cache: filepath.Join(root, "thumbs")}
	for name, data := range images {
		p := filepath.Join(f.files, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	maker := thumb.New(f.files, f.cache, imaging.NewBudget(maxPixels, 1))
	f.url = bareServer(t, Deps{FilesDir: f.files, Thumbs: maker}).URL + "/files/"
	return f
}

// sizeOf decodes an answer's image size and format.
func sizeOf(t *testing.T, body []byte) (int, int, string) {
	t.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(body))
	require.NoError(t, err)
	return cfg.Width, cfg.Height, format
}

// TestThumbnailsAreSmallAndCached checks that ?w= answers a downscaled
// JPEG at the aspect of the image, cached for good, made once and kept on
// disk; widths between the fixed ones snap up, wider ones to the largest.
func TestThumbnailsAreSmallAndCached(t *testing.T) {
	f := serveImages(t, 10_000_000, map[string][]byte{"u/photo.png": pngOf(t, 1200, 600, true)})
	for w, want := range map[string]int{"320": 320, "160": 160, "1": 160, "200": 320, "641": 640, "5000": 640} {
		res, body := fetch(t, f.url+"u/photo.png?w="+w, "")
		require.Equal(t, 200, res.StatusCode, w)
		require.Equal(t, "image/jpeg", res.Header.Get("Content-Type"), w)
		require.Equal(t, cacheForever, res.Header.Get("Cache-Control"), w)
		width, height, _ := sizeOf(t, body)
		require.Equal(t, [2]int{want, want / 2}, [2]int{width, height}, w)
	}
	entries, err := os.ReadDir(filepath.Join(f.cache, "u"))
	require.NoError(t, err)
	require.Len(t, entries, 3, "one file per fixed width")

	// A cached thumbnail is answered as it is, not made again.
	marker := pngOf(t, 7, 7, true)
	require.NoError(t, os.WriteFile(filepath.Join(f.cache, "u", "photo.png.320"), marker, 0o644))
	_, body := fetch(t, f.url+"u/photo.png?w=320", "")
	require.Equal(t, marker, body)

	// Without ?w= the image itself.
	_, body = fetch(t, f.url+"u/photo.png", "")
	width, _, _ := sizeOf(t, body)
	require.Equal(t, 1200, width)
}

// TestThumbnailsKeepTransparencyAndSmallImages checks that a see-through
// image's thumbnail stays a PNG, and an image no wider than asked is
// answered as it is.
func TestThumbnailsKeepTransparencyAndSmallImages(t *testing.T) {
	small := pngOf(t, 120, 80, true)
	f := serveImages(t, 10_000_000, map[string][]byte{"logo.png": pngOf(t, 800, 400, false), "small.png": small})
	res, body := fetch(t, f.url+"logo.png?w=160", "")
	require.Equal(t, "image/png", res.Header.Get("Content-Type"))
	width, _, _ := sizeOf(t, body)
	require.Equal(t, 160, width)
	_, body = fetch(t, f.url+"small.png?w=640", "")
	require.Equal(t, small, body)
}

// TestThumbnailsAreRefused checks the refusals: a width that is not one,
// an image over the pixel budget (never decoded), a file that is not an
// image, and a missing one.
func TestThumbnailsAreRefused(t *testing.T) {
	f := serveImages(t, 100_000, map[string][]byte{"huge.png": pngOf(t, 1000, 500, true), "font.ttf": []byte("not an image")})
	for _, w := range []string{"abc", "0", "-5", "1e3"} {
		res, body := fetch(t, f.url+"huge.png?w="+w, "")
		require.Equal(t, 400, res.StatusCode, w)
		require.Contains(t, string(body), "160, 320 or 640", w)
	}
	res, body := fetch(t, f.url+"huge.png?w=320", "")
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	require.Contains(t, string(body), "megapixels")
	require.Empty(t, res.Header.Get("Cache-Control"))
	res, _ = fetch(t, f.url+"font.ttf?w=320", "")
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	res, _ = fetch(t, f.url+"gone.png?w=320", "")
	require.Equal(t, 404, res.StatusCode)
	_, err := os.Stat(f.cache)
	require.ErrorIs(t, err, os.ErrNotExist, "nothing was cached")
}

// TestThumbnailsStayInTheFolder checks that no path, climbing out or
// through a link, makes a thumbnail of a file outside the image folder.
func TestThumbnailsStayInTheFolder(t *testing.T) {
	f := serveImages(t, 10_000_000, nil)
	secret := filepath.Join(filepath.Dir(f.files), "secret.png")
	require.NoError(t, os.WriteFile(secret, pngOf(t, 400, 400, true), 0o644))
	require.NoError(t, os.MkdirAll(f.files, 0o755))
	require.NoError(t, os.Symlink(secret, filepath.Join(f.files, "link.png")))
	h := fileServer(f.files, thumb.New(f.files, f.cache, imaging.NewBudget(10_000_000, 1)), slog.Default())
	for _, p := range []string{"../secret.png", "u/../../secret.png", "link.png", "/" + secret} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, &http.Request{Method: http.MethodGet, URL: mustURL(t, p+"?w=160"), Header: http.Header{}})
		require.Equal(t, 404, rec.Code, p)
	}
	res, _ := fetch(t, f.url+"..%2fsecret.png?w=160", "")
	require.NotEqual(t, 200, res.StatusCode)
}

// TestDeletedImagesLoseTheirThumbnails checks that once an image is gone,
// its thumbnail is neither answered nor kept.
func TestDeletedImagesLoseTheirThumbnails(t *testing.T) {
	f := serveImages(t, 10_000_000, map[string][]byte{"u/a.png": pngOf(t, 800, 800, true)})
	res, _ := fetch(t, f.url+"u/a.png?w=160", "")
	require.Equal(t, 200, res.StatusCode)
	require.FileExists(t, filepath.Join(f.cache, "u", "a.png.160"))
	require.NoError(t, os.Remove(filepath.Join(f.files, "u", "a.png")))
	res, _ = fetch(t, f.url+"u/a.png?w=160", "")
	require.Equal(t, 404, res.StatusCode)
	require.NoFileExists(t, filepath.Join(f.cache, "u", "a.png.160"))
}

// mustURL parses a request target.
func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	require.NoError(t, err)
	return u
}
