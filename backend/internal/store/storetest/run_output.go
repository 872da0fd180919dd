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

// testOutputUsage counts the bytes a user's runs keep: a file two runs
// hold counts once, and another user's files not at all.
func testOutputUsage(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "outputs@example.com")
	w := newWorkflow(t, s, user)
	a, b := newExecution(t, s, w), newExecution(t, s, w)
	node := w.Nodes[0].ID
	require.NoError(t, s.HoldRunFile(ctx, a.ID, node, "/files/outputs/a.png", store.FileFinal, 1000))
	require.NoError(t, s.HoldRunFile(ctx, b.ID, node, "/files/outputs/a.png", store.FileFinal, 1000))
	require.NoError(t, s.HoldRunFile(ctx, b.ID, node, "/files/generations/b.png", store.FileGeneration, 500))
	other := newUser(t, s, "other@example.com")
	c := newExecution(t, s, newWorkflow(t, s, other))
	require.NoError(t, s.HoldRunFile(ctx, c.ID, node, "/files/outputs/c.png", store.FileFinal, 7000))
	used, err := s.OutputUsage(ctx, user)
	require.NoError(t, err)
	require.EqualValues(t, 1500, used, "a final two runs hold counts once")
}
