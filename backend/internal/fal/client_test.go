package fal_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
)

// client returns a client of the fake.
func client(s *faltest.Server) *fal.Client {
	return &fal.Client{BaseURL: s.URL, Key: "test-key", Backoff: time.Millisecond}
}

// maxPolls bounds wait: the fake completes a request after one IN_QUEUE
// and Polls IN_PROGRESS answers (Polls is at most 3 in these tests).
const maxPolls = 10

// wait polls until the request is done, as the engine does across job
// runs. The fake moves a request on by the polls it answers, not by time,
// so the polls follow each other at once.
func wait(t *testing.T, c *fal.Client, h fal.Handle) (*fal.Result, error) {
	for range maxPolls {
		res, err := c.Poll(context.Background(), h)
		if err != nil || res != nil {
			return res, err
		}
	}
	t.Fatalf("not done after %d polls", maxPolls)
	return nil, nil
}

// TestSubmitPollResult runs a request through queue, progress and result,
// using the URLs FAL returned (whose path drops the model's sub-path).
func TestSubmitPollResult(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.Polls = 3
	c := client(s)
	h, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{"prompt": "shoes", "num_images": 2, "image_size": "square_hd"})
	require.NoError(t, err)
	require.Contains(t, h.StatusURL, "/fal-ai/flux/requests/")
	out, err := wait(t, c, h)
	require.NoError(t, err)
	var res struct {
		Images []struct{ URL string } `json:"images"`
	}
	require.NoError(t, json.Unmarshal(out.Body, &res))
	require.Len(t, res.Images, 2)
	require.NotNil(t, out.BillableUnits, "FAL says what it billed")
	require.Equal(t, 2.0, *out.BillableUnits, "two images of one megapixel each")
	require.Equal(t, "Key test-key", s.Submits[0].Key)
}

// TestValidationErrorIsShown surfaces FAL's 422 message and does not retry.
func TestValidationErrorIsShown(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.Reject422 = "prompt is too long"
	_, err := client(s).Submit(context.Background(), "fal-ai/flux/dev", map[string]any{"prompt": "x"})
	var fe *fal.Error
	require.True(t, errors.As(err, &fe))
	require.Equal(t, 422, fe.Status)
	require.False(t, fe.Retryable)
	require.Contains(t, err.Error(), "body.prompt: prompt is too long")
}

// TestBusyIsRetried rides out two 503 answers.
func TestBusyIsRetried(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.Busy503 = 2
	c := client(s)
	h, err := c.Submit(context.Background(), "fal-ai/fast-sdxl", map[string]any{"prompt": "x"})
	require.NoError(t, err)
	_, err = wait(t, c, h)
	require.NoError(t, err)
}

// TestCancelReachesFAL cancels a request that is still running.
func TestCancelReachesFAL(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.Hold = make(chan struct{})
	c := client(s)
	h, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{"prompt": "x"})
	require.NoError(t, err)
	res, err := c.Poll(context.Background(), h)
	require.NoError(t, err)
	require.Nil(t, res, "still running")
	answer, err := c.Cancel(context.Background(), h)
	require.NoError(t, err)
	require.Equal(t, "CANCELLATION_REQUESTED", answer, "FAL was working on it")
	require.Equal(t, []string{h.RequestID}, s.Cancelled)
}
