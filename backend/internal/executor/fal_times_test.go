package executor_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// timesSeen records what FAL's timing was told.
type timesSeen struct {
	mu   sync.Mutex
	took map[string][]time.Duration
}

// FALDone records one request's time.
func (s *timesSeen) FALDone(endpoint string, took time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.took[endpoint] = append(s.took[endpoint], took)
}

// agedRequests shows the requests as a wake age after their send sees
// them.
type agedRequests struct {
	*executor.MemoryRequests
	age time.Duration
}

// List reads the rows, claimed age earlier.
func (a agedRequests) List(ctx context.Context) ([]workflow.OutsideRequest, error) {
	rows, err := a.MemoryRequests.List(ctx)
	for i := range rows {
		rows[i].ClaimedAt = rows[i].ClaimedAt.Add(-a.age)
	}
	return rows, err
}

// TestFALTimesEachRequestFromItsClaim: the attempt that sends a request
// FAL still works on tells nothing; the wake that collects its result
// tells its time from the claim saved with it, once.
func TestFALTimesEachRequestFromItsClaim(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.Hold = make(chan struct{})
	seen := &timesSeen{took: map[string][]time.Duration{}}
	gen := falGen(s.URL)
	gen.Times = seen
	model, _ := imagemodel.Default().Get("fal-ai/flux/schnell")
	req := executor.Request{Model: model, Endpoint: model.ID, Count: 1, PlannedUSD: 0.003, Input: map[string]any{"prompt": "p"}}
	mem := executor.NewMemoryRequests("attempt-1")

	_, err := gen.Generate(context.Background(), &executor.Run{ExecutionID: "e", NodeID: "n", Requests: mem}, []executor.Request{req})
	_, waiting := executor.IsPending(err)
	require.True(t, waiting, "FAL holds the request: %v", err)
	require.Empty(t, seen.took, "nothing is timed before it is done")

	close(s.Hold)
	later := agedRequests{MemoryRequests: mem.As("attempt-2"), age: 3 * time.Second}
	out, err := gen.Generate(context.Background(), &executor.Run{ExecutionID: "e", NodeID: "n", Requests: later}, []executor.Request{req})
	require.NoError(t, err)
	require.Len(t, out, 1)
	require.Len(t, seen.took[model.ID], 1, "timed once, by the wake that collected it")
	took := seen.took[model.ID][0]
	require.GreaterOrEqual(t, took, 3*time.Second, "from the claim saved with the request")
	require.Less(t, took, time.Minute)
}
