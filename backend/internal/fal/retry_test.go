package fal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
)

// TestRetriesLikeTheOfficialClient follows fal-js: 429/502/503/504 are
// retried three times on submit and result (four tries), a 500 is retried
// on status checks only, and a 504 that is the caller's own timeout is not
// retried.
func TestRetriesLikeTheOfficialClient(t *testing.T) {
	ctx := context.Background()
	in := map[string]any{"prompt": "x"}

	s := faltest.New()
	defer s.Close()
	c := client(s)
	s.SubmitErrors = []int{429, 502, 503}
	_, err := c.Submit(ctx, "fal-ai/flux/schnell", in)
	require.NoError(t, err, "three retries ride out three failures")
	require.Equal(t, 4, s.Calls["submit"])

	s.SubmitErrors = []int{503, 503, 503, 503, 503}
	_, err = c.Submit(ctx, "fal-ai/flux/schnell", in)
	var fe *fal.Error
	require.True(t, errors.As(err, &fe))
	require.Equal(t, 503, fe.Status)
	require.True(t, fe.Retryable, "the engine's own retry decides next")
	require.Equal(t, 4+4, s.Calls["submit"], "gave up after four tries")

	s.SubmitErrors, s.TimeoutType = []int{504}, "user"
	_, err = c.Submit(ctx, "fal-ai/flux/schnell", in)
	require.True(t, errors.As(err, &fe))
	require.False(t, fe.Retryable, "the caller's own start timeout is final")
	require.Equal(t, 4+4+1, s.Calls["submit"])

	s.TimeoutType = ""
	h, err := c.Submit(ctx, "fal-ai/flux/schnell", in)
	require.NoError(t, err)
	s.ResultErrors = []int{500}
	_, err = wait(t, c, h)
	require.ErrorContains(t, err, "HTTP 500", "a 500 on the result is not retried")
	require.Equal(t, 1, s.Calls["result"])
	res, err := wait(t, c, h)
	require.NoError(t, err)
	require.NotNil(t, res)

	s.Busy503 = 5
	h, err = c.Submit(ctx, "fal-ai/flux/schnell", in)
	require.NoError(t, err)
	_, err = wait(t, c, h)
	require.NoError(t, err, "status checks retry five times")
}
