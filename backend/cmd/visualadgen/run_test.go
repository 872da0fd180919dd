package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// startServer runs the whole backend in-process on a free port with env and
// returns its base URL; the server stops when the test ends.
func startServer(t *testing.T, env map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	addrFile := filepath.Join(dir, "addr")
	vars := map[string]string{"PORT": "0", "DATA_DIR": dir}
	for k, v := range env {
		vars[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-env-file", filepath.Join(dir, "none"), "-addr-file", addrFile},
			func(k string) string { return vars[k] }, io.Discard, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(addrFile); err == nil && len(b) > 0 {
			return "http://" + string(b)
		}
		select {
		case err := <-done:
			t.Fatalf("server stopped: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("server did not start")
	return ""
}

// get fetches url and returns status and body.
func get(t *testing.T, url string) (int, string) {
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
