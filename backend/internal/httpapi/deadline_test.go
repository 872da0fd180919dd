package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/stretchr/testify/require"
)

// TestSlowHandlerLeavesTheConnectionUsable runs a handler that takes longer
// than huma's body read timeout, twice on one keep-alive connection, behind
// refuseNUL as the server has it: with releaseReadDeadline neither
// request's context is cancelled (without it, the first is cancelled while
// it runs and the second before its handler starts).
func TestSlowHandlerLeavesTheConnectionUsable(t *testing.T) {
	mux := http.NewServeMux()
	api := humago.New(mux, huma.DefaultConfig("t", "1"))
	var mu sync.Mutex
	var seen []error
	type in struct {
		Body struct {
			Name string `json:"name"`
		}
	}
	huma.Register(api, huma.Operation{OperationID: "slow", Method: http.MethodPost, Path: "/slow", BodyReadTimeout: 50 * time.Millisecond},
		func(ctx context.Context, _ *in) (*struct{}, error) {
			time.Sleep(200 * time.Millisecond) // longer than the body read timeout
			mu.Lock()
			seen = append(seen, ctx.Err())
			mu.Unlock()
			return nil, nil
		})
	// As refuseNUL does, the body is read whole before huma sets its deadline.
	srv := httptest.NewServer(refuseNUL(slog.New(slog.DiscardHandler), releaseReadDeadline(mux)))
	t.Cleanup(srv.Close)
	for range 2 {
		res, err := srv.Client().Post(srv.URL+"/slow", "application/json", strings.NewReader(`{"name":"x"}`))
		require.NoError(t, err)
		require.NoError(t, res.Body.Close())
		require.Equal(t, http.StatusNoContent, res.StatusCode)
	}
	require.Equal(t, []error{nil, nil}, seen, "no request's context was cancelled")
}
