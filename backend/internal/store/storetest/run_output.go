package storetest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// testRunOutput counts a run's final ads as twenty Outputs write one each
// at once against a limit of five ads and 1,000 bytes: five are counted,
// and a final that would pass the bytes is refused.
func testRunOutput(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "runs@example.com")
	x := newExecution(t, s, newWorkflow(t, s, user))
	var counted atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			ok, err := s.CountRunOutput(ctx, x.ID, 1, 100, 5, 1000)
			if err == nil && ok {
				counted.Add(1)
			}
		})
	}
	wg.Wait()
	require.EqualValues(t, 5, counted.Load())
	finals, bytes, err := s.RunOutput(ctx, x.ID)
	require.NoError(t, err)
	require.Equal(t, 5, finals)
	require.EqualValues(t, 500, bytes)
	ok, err := s.CountRunOutput(ctx, x.ID, 0, 501, 5, 1000)
	require.NoError(t, err)
	require.False(t, ok, "past the bytes")
}
