package httpapi

import (
	"bufio"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// bareServer is the whole handler with no database: enough for the
// documents, the static files and the answers' encoding.
func bareServer(t *testing.T, d Deps) *httptest.Server {
	t.Helper()
	reg, err := executor.NewRegistry()
	require.NoError(t, err)
	d.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	d.Engine = engine.New(nil, reg, nil, nil, d.Log, engine.Config{})
	s := httptest.NewServer(NewServer(d))
	t.Cleanup(s.Close)
	return s
}

// fetch gets url with the given Accept-Encoding, without the client's own
// transparent gzip, and returns the answer with its body read.
func fetch(t *testing.T, url, encoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	require.NoError(t, err)
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, body
}

// gunzip decodes a gzipped body.
func gunzip(t *testing.T, body []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(string(body)))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return string(out)
}

// TestAnswersAreGzipped checks that a client accepting gzip gets the API's
// JSON (here the OpenAPI document) gzipped and one that does not gets it
// plain, and that images are never gzipped.
func TestAnswersAreGzipped(t *testing.T) {
	s := bareServer(t, Deps{})
	plain, body := fetch(t, s.URL+"/openapi.json", "")
	require.Equal(t, 200, plain.StatusCode)
	require.Empty(t, plain.Header.Get("Content-Encoding"))
	zipped, zbody := fetch(t, s.URL+"/openapi.json", "gzip, deflate, br, zstd")
	require.Equal(t, "gzip", zipped.Header.Get("Content-Encoding"))
	require.Contains(t, zipped.Header.Values("Vary"), "Accept-Encoding")
	require.Equal(t, string(body), gunzip(t, zbody))
	require.Less(t, len(zbody), len(body)/3, "JSON shrinks")

	png := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write([]byte(strings.Repeat("x", 4096)))
	})
	img := httptest.NewServer(compress(png))
	defer img.Close()
	res, _ := fetch(t, img.URL, "gzip")
	require.Empty(t, res.Header.Get("Content-Encoding"), "images are compressed already")
}

// TestEventStreamsAreNeitherGzippedNorHeld checks that a live event stream
// reaches the client event by event, plain, while its handler is still
// writing, though the client accepts gzip.
func TestEventStreamsAreNeitherGzippedNorHeld(t *testing.T) {
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = w.Write([]byte("data: first\n\n"))
		http.NewResponseController(w).Flush()
		<-release
	})
	s := httptest.NewServer(compress(h))
	defer s.Close()
	defer close(release)
	for _, accept := range []string{"text/event-stream", "*/*"} { // an EventSource, and a client that does not say
		req, err := http.NewRequest(http.MethodGet, s.URL, nil)
		require.NoError(t, err)
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		require.NoError(t, err)
		require.Empty(t, res.Header.Get("Content-Encoding"), accept)
		line := make(chan string, 1)
		go func() {
			l, _ := bufio.NewReader(res.Body).ReadString('\n')
			line <- l
		}()
		select {
		case l := <-line:
			require.Equal(t, "data: first\n", l, accept)
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: the first event was held back", accept)
		}
		_ = res.Body.Close()
	}
}

// TestCompressible lists which answers are worth gzipping.
func TestCompressible(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html; charset=utf-8": true, "text/css": true, "text/javascript; charset=utf-8": true,
		"application/json": true, "application/problem+json": true, "application/openapi+json": true,
		"image/svg+xml": true, "text/event-stream": false, "image/png": false, "image/jpeg": false,
		"application/zip": false, "": false,
	} {
		require.Equal(t, want, compressible(ct), ct)
	}
}
