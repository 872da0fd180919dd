package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// request sends one request with extra headers and returns status and body.
func request(t *testing.T, method, url string, headers map[string]string, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

// TestHostileHTTP: local mode answers only its own host and origin, unknown
// API paths and foreign streams are problem+json 404s before any stream,
// live views are capped, one address cannot hold every connection, and the
// docs load without a CDN.
func TestHostileHTTP(t *testing.T) {
	c := api{t: t, base: startServer(t, map[string]string{"MAX_EVENT_STREAMS_PER_USER": "2", "MAX_CONNECTIONS_PER_IP": "20"})}
	// DNS rebinding: a page on evil.example that resolves to 127.0.0.1.
	code, body, _ := request(t, "GET", c.base+"/api/workflows", map[string]string{"Host": "evil.example:80"}, "")
	require.Equal(t, 403, code, body)
	require.Contains(t, body, "answers only to")
	// A cross-site form post or fetch.
	code, body, _ = request(t, "POST", c.base+"/api/workflows", map[string]string{"Origin": "https://evil.example"}, `{"name":"x"}`)
	require.Equal(t, 403, code, body)
	code, _, _ = request(t, "POST", c.base+"/api/workflows", map[string]string{"Origin": "http://localhost:5173"}, `{"name":"dev server"}`)
	require.Equal(t, 201, code, "the dev server's origin may post")
	code, _, _ = request(t, "POST", c.base+"/api/workflows", map[string]string{"Origin": c.base}, `{"name":"same origin"}`)
	require.Equal(t, 201, code)

	code, body, h := request(t, "GET", c.base+"/api/nothing-here", nil, "")
	require.Equal(t, 404, code)
	require.Equal(t, "application/problem+json", h.Get("Content-Type"), body)
	code, body, h = request(t, "GET", c.base+"/api/executions/"+uuid.NewString()+"/events", nil, "")
	require.Equal(t, 404, code, body)
	require.NotEqual(t, "text/event-stream", h.Get("Content-Type"), "no stream starts for a missing execution")

	code, body, _ = request(t, "GET", c.base+"/docs/", nil, "")
	require.Equal(t, 200, code)
	require.Contains(t, body, "swagger-ui")
	require.NotContains(t, body, "unpkg.com", "no CDN")
	code, _, _ = request(t, "GET", c.base+"/docs/swagger-ui-bundle.js", nil, "")
	require.Equal(t, 200, code, "the docs' script is served from the binary")

	// Live views: a paused run keeps its stream open; the third is refused.
	in := uuid.NewString()
	var w, x obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "streams"}, &w))
	g := obj{"nodes": []obj{{"id": in, "type": "TEXT_INPUT", "name": "T", "config": obj{"value": "x"}, "has_breakpoint": true}}}
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+w["id"].(string)+"/graph", g, nil))
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+w["id"].(string)+"/execute", nil, &x))
	xid := x["execution_id"].(string)
	openEvents(t, c, xid).untilEvent("", "PAUSED")
	openEvents(t, c, xid).untilEvent("", "PAUSED")
	code, body, _ = request(t, "GET", c.base+"/api/executions/"+xid+"/events", nil, "")
	require.Equal(t, 429, code, body)

	// Forty idle connections from one address: twenty are closed at once,
	// and a client at another address is still served.
	addr := strings.TrimPrefix(c.base, "http://")
	closed := 0
	for range 40 {
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer conn.Close()
		_ = conn.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		if _, err := conn.Read(make([]byte, 1)); err == io.EOF {
			closed++
		}
	}
	require.GreaterOrEqual(t, closed, 18, "connections past the limit are closed")
	other := &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}).DialContext}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", c.base+"/api/healthz", nil)
	res, err := other.Do(req)
	require.NoError(t, err, "healthz answers another address")
	_ = res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
}
