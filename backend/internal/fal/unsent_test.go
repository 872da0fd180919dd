package fal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
)

// TestReviewSubmitThatNeverLeftIsNotMaybeAccepted submits to a queue whose
// TLS handshake fails (here: a plain HTTP server behind an https:// base
// URL; in production a TLS handshake timeout or reset). No byte of the
// HTTP request reached the server, so FAL cannot have accepted it: the
// client says so (the request was never written whole), and the node may
// send it again without paying twice.
func TestReviewSubmitThatNeverLeftIsNotMaybeAccepted(t *testing.T) {
	var reached atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
	}))
	defer srv.Close()
	c := &fal.Client{BaseURL: "https://" + strings.TrimPrefix(srv.URL, "http://"), Key: "k"}
	_, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{"prompt": "x"})
	require.Error(t, err)
	require.Zero(t, reached.Load(), "no request reached the server")
	require.False(t, fal.MayHaveAccepted(err), "a submit whose TLS handshake failed never reached FAL: %v", err)
}
