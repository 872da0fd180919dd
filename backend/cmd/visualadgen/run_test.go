package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// startServer runs the whole backend in-process on a free port with env and
// returns its base URL, read from the "serving" line the server logs once it
// listens; the server stops when the test ends.
func startServer(t testing.TB, env map[string]string) string {
	t.Helper()
	return servingURL.FindStringSubmatch(startServerLine(t, env))[1]
}

// startServerLine is startServer returning the whole "serving" line.
func startServerLine(t testing.TB, env map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	vars := map[string]string{"PORT": "0", "DATA_DIR": dir, "LOG_LEVEL": "info"}
	for k, v := range env {
		vars[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs, logw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-env-file", filepath.Join(dir, "none")}, func(k string) string { return vars[k] }, logw, io.Discard)
		_ = logw.Close()
	}()
	serving := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(logs)
		for sc.Scan() {
			if servingURL.MatchString(sc.Text()) {
				serving <- sc.Text()
				break
			}
		}
		_, _ = io.Copy(io.Discard, logs) // keep the server's log from blocking
	}()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	select {
	case line := <-serving:
		return line
	case err := <-done:
		t.Fatalf("server stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	return ""
}

// servingURL finds the address in the server's "serving" log line.
var servingURL = regexp.MustCompile(`msg=serving url=(http://\S+)`)

// get fetches url and returns its status and body.
func get(t testing.TB, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}

// TestServesHealthAndDocs starts the server with no configuration at all.
func TestServesHealthAndDocs(t *testing.T) {
	base := startServer(t, nil)
	code, body := get(t, base+"/api/healthz")
	require.Equal(t, 200, code)
	require.JSONEq(t, `{"status":"ok"}`, body)
	code, _ = get(t, base+"/api/readyz")
	require.Equal(t, 200, code)
	code, body = get(t, base+"/openapi.json")
	require.Equal(t, 200, code)
	require.Contains(t, body, `"openapi":"3.1.0"`)
	code, _ = get(t, base+"/docs")
	require.Equal(t, 200, code)
}

// TestBadVariableStopsStart checks the one clear line naming the variable.
func TestBadVariableStopsStart(t *testing.T) {
	for name, value := range map[string]string{"PORT": "abc", "DATABASE_URL": "postgres//nohost"} {
		err := run(context.Background(), []string{"-env-file", "/nonexistent"},
			func(k string) string { return map[string]string{name: value}[k] }, io.Discard, io.Discard)
		require.Error(t, err)
		require.Contains(t, err.Error(), name)
		require.False(t, strings.Contains(err.Error(), "\n"))
	}
}

// TestServesFrontendBesideTheAPI serves the built frontend at / (its pages
// are told apart by the URL's hash) and a 404 at paths it does not have,
// while unknown API paths stay problem+json 404s.
func TestServesFrontendBesideTheAPI(t *testing.T) {
	dist := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dist, "index.html"), []byte("<html>app</html>"), 0o644))
	base := startServer(t, map[string]string{"FRONTEND_DIR": dist})
	code, body := get(t, base+"/")
	require.Equal(t, 200, code)
	require.Contains(t, body, "app")
	code, body = get(t, base+"/w/some-workflow")
	require.Equal(t, 404, code)
	require.NotContains(t, body, "app")
	code, body = get(t, base+"/api/not-a-route")
	require.Equal(t, 404, code)
	require.Contains(t, body, "no API route")
	code, _ = get(t, base+"/docs/")
	require.Equal(t, 200, code)
}
