package executor_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestReviewSlowPhotoKeepsTheRequestFALAccepted runs an image-to-image
// node whose linked product photo takes longer to download than a send
// may take, and whose FAL submit is answered within the send's time. The
// photo is read before the send's time starts, so the submit is not cut
// short while FAL answers: FAL accepts the request and its id is saved
// (before, the photo used up the send's time, the request was taken for
// lost and could never be cancelled).
func TestReviewSlowPhotoKeepsTheRequestFALAccepted(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.SubmitDelay = func() time.Duration { return 100 * time.Millisecond } // FAL under load
	accepted := s.Signal("submit")
	shoe, _ := imaging.Preview("shoe", "m", 0, 300, 200)
	photo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(300 * time.Millisecond): // a slow photo host, slower than a send may take
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(shoe)
	}))
	defer photo.Close()
	gen := falGen(s.URL)
	gen.SendTimeout = 200 * time.Millisecond
	reqs := executor.NewMemoryRequests("attempt-1")
	r := &executor.Run{ExecutionID: "e1", NodeID: "n1", Requests: reqs,
		Inputs: map[string]any{"prompt": "red sneakers", "image_url": photo.URL + "/shoe.png"},
		Config: json.RawMessage(`{"model":"fal-ai/flux/dev","parameters":{"aspect_ratio":"1:1"}}`)}
	_, err := falModel(gen, localBlobs(t)).Run(context.Background(), r)
	await := func() {
		select {
		case <-accepted:
		case <-time.After(time.Minute):
			t.Fatal("FAL never accepted the request")
		}
	}
	await()
	rows, _ := reqs.List(context.Background())
	require.Len(t, rows, 1)
	require.Equal(t, workflow.RequestSubmitted, rows[0].State,
		"FAL accepted the request, so its id must be saved (the photo's download must not use up the submit's time); got %s and error %v", rows[0].State, err)
}

// failingUnclaim is a record of requests whose Unclaim fails (the database
// blinked) and whose rows can be seen as they will be 46 s later.
type failingUnclaim struct {
	*executor.MemoryRequests
	later bool
}

// Unclaim fails, as a database that blinked would.
func (f *failingUnclaim) Unclaim(context.Context, int) error {
	return errors.New("connection reset by peer")
}

// List reads the rows, 46 s older when later is set.
func (f *failingUnclaim) List(ctx context.Context) ([]workflow.OutsideRequest, error) {
	rows, err := f.MemoryRequests.List(ctx)
	if f.later {
		for i := range rows {
			rows[i].ClaimedAt = rows[i].ClaimedAt.Add(-46 * time.Second)
		}
	}
	return rows, err
}

// TestReviewUnsentRequestIsSentByTheRetry: the input photo cannot be read
// (a retryable failure). The photo is made ready before the slot is
// claimed, so nothing is claimed, and the retry sends the request once,
// never reporting it as maybe accepted (which would fail the node and
// charge it).
func TestReviewUnsentRequestIsSentByTheRetry(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	gen := falGen(s.URL)
	model, _ := imagemodel.Default().Get("fal-ai/flux/schnell")
	unready := executor.Request{Model: model, Endpoint: model.ID, Count: 1, PlannedUSD: 0.003, Input: map[string]any{"prompt": "p"},
		Ready: func(context.Context) (map[string]any, error) {
			return nil, executor.Retryable(errors.New("the input image could not be fetched: 503"))
		}}
	mem := executor.NewMemoryRequests("attempt-1")
	first := &failingUnclaim{MemoryRequests: mem}
	_, err := gen.Generate(context.Background(), &executor.Run{ExecutionID: "e", NodeID: "n", Requests: first}, []executor.Request{unready})
	require.True(t, executor.IsRetryable(err), "the photo's failure is retried: %v", err)
	rows, _ := mem.List(context.Background())
	require.Empty(t, rows, "nothing was claimed for a request that could not be made ready")

	ready := unready
	ready.Ready = nil
	retry := &failingUnclaim{MemoryRequests: mem.As("attempt-2"), later: true} // the retry, 46 s later
	_, err = gen.Generate(context.Background(), &executor.Run{ExecutionID: "e", NodeID: "n", Requests: retry}, []executor.Request{ready})
	require.Equal(t, 1, s.Count("submit"), "the retry sends it, once")
	if err != nil {
		_, waiting := executor.IsPending(err)
		require.True(t, waiting, "it waits for FAL: %v", err)
	}
}
