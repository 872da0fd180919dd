package httpapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// builtFrontend writes a small frontend bundle as Vite builds it: a page,
// a hashed script with its brotli copy, robots.txt and a favicon.
func builtFrontend(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                 `<html><script src="/assets/index-abc123.js"></script>app</html>`,
		"assets/index-abc123.js":     strings.Repeat("console.log('app');", 200),
		"assets/index-abc123.js.br":  "brotli bytes",
		"robots.txt":                 "User-agent: *\nDisallow: /api/\n",
		"favicon.svg":                `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"assets/nested/dir/keep.txt": "x",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

// TestOnlyTheAppsPathsAnswerTheApp checks that the page answers at the
// app's paths, the bundle's files as themselves, and every other path a
// 404, not the page (a crawler's robots.txt, a browser's favicon.ico, an
// old asset after a deploy).
func TestOnlyTheAppsPathsAnswerTheApp(t *testing.T) {
	s := bareServer(t, Deps{Frontend: builtFrontend(t)})
	for _, p := range []string{"/", "/index.html"} {
		res, body := fetch(t, s.URL+p, "")
		require.Equal(t, 200, res.StatusCode, p)
		require.Contains(t, string(body), "app</html>", p)
	}
	res, body := fetch(t, s.URL+"/robots.txt", "")
	require.Equal(t, 200, res.StatusCode)
	require.Contains(t, string(body), "Disallow: /api/")
	require.Contains(t, res.Header.Get("Content-Type"), "text/plain")
	res, _ = fetch(t, s.URL+"/favicon.svg", "")
	require.Equal(t, 200, res.StatusCode)
	require.Equal(t, "image/svg+xml", res.Header.Get("Content-Type"))
	for _, p := range []string{"/favicon.ico", "/w/some-workflow", "/assets/index-old999.js", "/assets/", "/assets/nested", "/etc/passwd", "/wp-login.php"} {
		res, body := fetch(t, s.URL+p, "")
		require.Equal(t, 404, res.StatusCode, p)
		require.NotContains(t, string(body), "app</html>", p)
	}
}

// TestCacheHeaders checks that hashed assets are cached for good, the page
// is asked for again each time (so a deploy shows at once), and the
// bundle's other files for a day.
func TestCacheHeaders(t *testing.T) {
	s := bareServer(t, Deps{Frontend: builtFrontend(t)})
	for path, want := range map[string]string{
		"/":                       "no-cache",
		"/index.html":             "no-cache",
		"/assets/index-abc123.js": "public, max-age=31536000, immutable",
		"/robots.txt":             "public, max-age=86400",
	} {
		res, _ := fetch(t, s.URL+path, "")
		require.Equal(t, want, res.Header.Get("Cache-Control"), path)
	}
	res, _ := fetch(t, s.URL+"/assets/index-old999.js", "")
	require.Empty(t, res.Header.Get("Cache-Control"), "a 404 is not cached for a year")
}

// TestBuiltBrotliIsServed checks that a client accepting brotli gets the
// brotli file the build wrote, others the script gzipped or plain.
func TestBuiltBrotliIsServed(t *testing.T) {
	s := bareServer(t, Deps{Frontend: builtFrontend(t)})
	url := s.URL + "/assets/index-abc123.js"
	res, body := fetch(t, url, "gzip, deflate, br, zstd")
	require.Equal(t, "br", res.Header.Get("Content-Encoding"))
	require.Equal(t, "brotli bytes", string(body))
	require.Contains(t, res.Header.Get("Content-Type"), "javascript")
	require.Equal(t, []string{"Accept-Encoding"}, res.Header.Values("Vary"))
	res, body = fetch(t, url, "gzip, br;q=0")
	require.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	require.Contains(t, gunzip(t, body), "console.log")
	res, body = fetch(t, url, "")
	require.Empty(t, res.Header.Get("Content-Encoding"))
	require.Contains(t, string(body), "console.log")
}
