package httpapi

import (
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// appPaths are the paths that answer with the app's page. The frontend
// routes by the URL's hash (frontend/src/lib/route.ts), so its one page is
// "/": any other path is a file of the bundle, or a 404.
var appPaths = map[string]bool{"/": true, "/index.html": true}

// Cache policies of the built frontend.
const (
	// cacheForever is for files whose name changes with their content
	// (Vite's hashed assets, stored images).
	cacheForever = "public, max-age=31536000, immutable"
	// cacheRevalidate makes the browser ask again each time, so a new
	// deploy shows at once (the page names the assets of its build).
	cacheRevalidate = "no-cache"
	// cacheDay is for the bundle's unhashed files (favicon, robots.txt).
	cacheDay = "public, max-age=86400"
)

// spa serves the built frontend in dir: its page at the app's paths, Vite's
// hashed assets (/assets/) cached for a year, its other files for a day,
// and a 404 for anything else.
func spa(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		name, cache := p[1:], cacheDay
		switch {
		case appPaths[p]:
			name, cache = "index.html", cacheRevalidate
		case strings.HasPrefix(p, "/assets/"):
			cache = cacheForever
		}
		serveBuilt(w, r, dir, name, cache)
	})
}

// serveBuilt answers the file name of dir (never a folder, never outside
// it) with the cache policy, as the brotli file the build wrote beside it
// (name.br) when there is one and the client accepts brotli.
func serveBuilt(w http.ResponseWriter, r *http.Request, dir, name, cache string) {
	f, err := os.OpenInRoot(dir, filepath.FromSlash(name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer func() { _ = f.Close() }()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	addVary(h, "Accept-Encoding")
	h.Set("Cache-Control", cache)
	h.Set("X-Content-Type-Options", "nosniff")
	var body io.ReadSeeker = f
	if accepts(r, "br") {
		if br, err := os.OpenInRoot(dir, filepath.FromSlash(name)+".br"); err == nil {
			defer func() { _ = br.Close() }()
			if ctype := mime.TypeByExtension(path.Ext(name)); ctype != "" {
				h.Set("Content-Type", ctype)
				h.Set("Content-Encoding", "br")
				body = br
			}
		}
	}
	http.ServeContent(w, r, name, st.ModTime(), body)
}

// accepts says whether the request's Accept-Encoding takes coding (named,
// with a weight above zero).
func accepts(r *http.Request, coding string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(strings.ToLower(params), " ", ""), "q=")
		return !ok || strings.Trim(q, "0.") != ""
	}
	return false
}

// addVary adds value to the Vary header unless it is there already.
func addVary(h http.Header, value string) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), value) {
				return
			}
		}
	}
	h.Add("Vary", value)
}
