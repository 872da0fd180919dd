package fal

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestBackoffLastsAboutSevenSeconds adds up the waits of a submit that
// always fails, at FAL's own one-second base: 1 + 2 + 4 s, each +-25%,
// then gives up; a status check waits 1 + 2 + 4 + 8 + 16 s. Retry-After
// wins, capped at 30 s.
func TestBackoffLastsAboutSevenSeconds(t *testing.T) {
	busy := &Error{Status: 503, Retryable: true}
	for range 200 {
		total := time.Duration(0)
		for attempt := 0; ; attempt++ {
			wait, retry := queueRetry.next(attempt, busy, nil, 0)
			if !retry {
				require.Equal(t, 3, attempt, "three retries, four tries")
				break
			}
			nominal := time.Second << attempt
			require.InDelta(t, float64(nominal), float64(wait), float64(nominal)/4, "attempt %d", attempt)
			total += wait
		}
		require.InDelta(t, float64(7*time.Second), float64(total), float64(1750*time.Millisecond))
	}
	_, retry := statusRetry.next(4, &Error{Status: 500}, nil, 0)
	require.True(t, retry, "status checks retry a 500, five times")
	_, retry = queueRetry.next(0, &Error{Status: 500}, nil, 0)
	require.False(t, retry, "a result fetch does not retry a 500")
	_, retry = noRetry.next(0, busy, nil, 0)
	require.False(t, retry, "cancel is not retried")
	res := &http.Response{Header: http.Header{"Retry-After": {"3"}}}
	wait, _ := queueRetry.next(0, busy, res, 0)
	require.Equal(t, 3*time.Second, wait)
	res.Header.Set("Retry-After", "3600")
	wait, _ = queueRetry.next(0, busy, res, 0)
	require.Equal(t, 30*time.Second, wait, "capped")
}
