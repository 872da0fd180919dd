package httpapi

import (
	"mime"
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compress gzips text answers (HTML, scripts, styles, JSON, SVG) for
// clients that accept it. Event streams pass through untouched and
// unbuffered (an EventSource asks for them by Accept, and their type is
// never compressed), as do images, zips and anything already encoded (the
// frontend's brotli files, the docs' own).
func compress(next http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.ContentTypeFilter(compressible), gzhttp.EnableZstd(false))
	if err != nil {
		panic("httpapi: gzip options: " + err.Error()) // fixed options: a programming error
	}
	gz := wrap(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Accept"), eventStream) {
			next.ServeHTTP(w, r)
			return
		}
		gz.ServeHTTP(w, r)
	})
}

// eventStream is the media type of Server-Sent Events.
const eventStream = "text/event-stream"

// compressible says whether a media type is text that shrinks when gzipped.
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == eventStream {
		return false
	}
	if strings.HasPrefix(mt, "text/") {
		return true
	}
	switch mt {
	case "application/javascript", "application/json", "application/xml", "image/svg+xml":
		return true
	}
	for _, suffix := range []string{"+json", "+xml", "+yaml"} {
		if strings.HasSuffix(mt, suffix) {
			return true
		}
	}
	return false
}
