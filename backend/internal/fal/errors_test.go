package fal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
)

// TestRateLimitHonoursRetryAfter retries a 429 after the time FAL asks.
func TestRateLimitHonoursRetryAfter(t *testing.T) {
	var calls atomic.Int32
	var first time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			http.Error(w, `{"detail":"rate limited"}`, http.StatusTooManyRequests)
			return
		}
		require.GreaterOrEqual(t, time.Since(first), 900*time.Millisecond, "waited as Retry-After asked")
		_, _ = w.Write([]byte(`{"request_id":"r","status_url":"s","response_url":"u","cancel_url":"c"}`))
	}))
	defer srv.Close()
	h, err := (&fal.Client{BaseURL: srv.URL, Key: "k"}).Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{})
	require.NoError(t, err)
	require.Equal(t, "r", h.RequestID)
}

// TestMalformedAndSlowAnswers reports malformed JSON, and gives up on a
// server that does not answer once the caller's context ends: the fake
// holds the slow call until the client has returned, and the context is
// cancelled once the call has reached it, so the call can only end
// through its context.
func TestMalformedAndSlowAnswers(t *testing.T) {
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(arrived)
			<-release
		}
		_, _ = w.Write([]byte(`{"request_id": oops`))
	}))
	defer srv.Close()
	c := &fal.Client{BaseURL: srv.URL, Key: "k"}
	_, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{})
	require.ErrorContains(t, err, "not valid JSON")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-arrived; cancel() }()
	_, err = c.Submit(ctx, "slow", map[string]any{})
	close(release)
	require.ErrorContains(t, err, context.Canceled.Error(), "the caller's context ends the call")
}

// TestKeyGoesOnlyToFAL refuses to follow a status URL on another host: the
// key would go with it.
func TestKeyGoesOnlyToFAL(t *testing.T) {
	var leaked atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		_, _ = w.Write([]byte(`{"status":"COMPLETED"}`))
	}))
	defer elsewhere.Close()
	queue := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"request_id":"r","status_url":"` + elsewhere.URL + `/s","response_url":"` + elsewhere.URL + `/r","cancel_url":"` + elsewhere.URL + `/c"}`))
	}))
	defer queue.Close()
	c := &fal.Client{BaseURL: queue.URL, Key: "secret-key"}
	h, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{})
	require.NoError(t, err)
	_, err = c.Poll(context.Background(), h)
	require.ErrorContains(t, err, "the key is not sent there")
	_, err = c.Cancel(context.Background(), h)
	require.Error(t, err, "cancel is refused too")
	require.Zero(t, leaked.Load(), "the key never left for another host")
}
