package storetest

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// testOutsideRequests checks the compare-and-set rules of outside requests:
// a slot is claimed once whoever asks at the same time, only its claimer
// saves its handle or frees it, a stale claim is lost once, a cancel is
// recorded once, and a node that ends without recording its cost is
// charged what its accepted requests were planned to cost.
func testOutsideRequests(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "out@example.com")
	w := newWorkflow(t, s, user)
	x := newExecution(t, s, w)
	nes, err := s.ListNodeExecutions(ctx, x.ID)
	require.NoError(t, err)
	ne := nes[0]
	claim := func(slot int, by string) (workflow.OutsideRequest, bool) {
		o, mine, err := s.ClaimRequest(ctx, workflow.OutsideRequest{NodeExecutionID: ne.ID, Slot: slot, Endpoint: "fal-ai/flux/schnell",
			PlannedUSD: ptr(0.01), ClaimedBy: by})
		require.NoError(t, err)
		return o, mine
	}
	_, mine := claim(0, "a")
	require.True(t, mine)
	o, mine := claim(0, "b")
	require.False(t, mine, "a claimed slot is never claimed again")
	require.Equal(t, "a", o.ClaimedBy)
	require.Equal(t, workflow.RequestSubmitting, o.State)

	saved, err := s.SaveRequestHandle(ctx, ne.ID, 0, "b", json.RawMessage(`{"request_id":"b"}`))
	require.NoError(t, err)
	require.False(t, saved, "only the claimer saves a handle")
	saved, err = s.SaveRequestHandle(ctx, ne.ID, 0, "a", json.RawMessage(`{"request_id":"r0"}`))
	require.NoError(t, err)
	require.True(t, saved)
	lost, err := s.LoseRequest(ctx, ne.ID, 0, "a", 0)
	require.NoError(t, err)
	require.False(t, lost, "an accepted request is never lost")

	claim(1, "a")
	require.NoError(t, s.UnclaimRequest(ctx, ne.ID, 1, "b"))
	_, mine = claim(1, "c")
	require.False(t, mine, "another's unclaim frees nothing")
	require.NoError(t, s.UnclaimRequest(ctx, ne.ID, 1, "a"))
	_, mine = claim(1, "c")
	require.True(t, mine, "a refused request's slot is free again")
	lost, err = s.LoseRequest(ctx, ne.ID, 1, "c", 0)
	require.NoError(t, err)
	require.True(t, lost)
	saved, err = s.SaveRequestHandle(ctx, ne.ID, 1, "c", json.RawMessage(`{"request_id":"late"}`))
	require.NoError(t, err)
	require.False(t, saved, "a lost claim takes no handle")

	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, mine, err := s.ClaimRequest(ctx, workflow.OutsideRequest{NodeExecutionID: ne.ID, Slot: 2, Endpoint: "e",
				PlannedUSD: ptr(0.01), ClaimedBy: workflow.NewID()})
			if err == nil && mine {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	require.EqualValues(t, 1, wins.Load(), "twenty at once: one claims the slot")

	open, err := s.OpenRequests(ctx, x.ID)
	require.NoError(t, err)
	require.Len(t, open, 1)
	require.Equal(t, ne.NodeID, open[0].NodeID)
	require.JSONEq(t, `{"request_id":"r0"}`, string(open[0].Handle))
	ended, err := s.EndRequest(ctx, ne.ID, 0, "ALREADY_COMPLETED")
	require.NoError(t, err)
	require.True(t, ended)
	ended, err = s.EndRequest(ctx, ne.ID, 0, "OK")
	require.NoError(t, err)
	require.False(t, ended, "a cancel is recorded once")
	open, err = s.OpenRequests(ctx, x.ID)
	require.NoError(t, err)
	require.Empty(t, open)
	list, err := s.Requests(ctx, ne.ID)
	require.NoError(t, err)
	require.Len(t, list, 3)
	require.Equal(t, "ALREADY_COMPLETED", *list[0].Answer)

	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.Reserve(ctx, user, ne.ID, "fal-ai/flux/schnell", 0.05) }))
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.Release(ctx, ne.ID) }))
	spend, err := s.SpendOf(ctx, user, false)
	require.NoError(t, err)
	require.InDelta(t, 0.03, spend.Spent, 1e-9, "three requests FAL may have accepted, at their planned cost")
	require.Zero(t, spend.Reserved)

	claim(3, "young")
	lost, err = s.LoseRequest(ctx, ne.ID, 3, "young", time.Hour)
	require.NoError(t, err)
	require.False(t, lost, "a claim younger than the stale age is its sender's, at work")
	x.Status = workflow.ExecCancelled
	require.NoError(t, s.UpdateExecution(ctx, x))
	_, _, err = s.ClaimRequest(ctx, workflow.OutsideRequest{NodeExecutionID: ne.ID, Slot: 4, Endpoint: "e", PlannedUSD: ptr(0.01), ClaimedBy: "late"})
	require.ErrorIs(t, err, store.ErrRunEnded, "a node of a run that ended claims nothing")
	err = s.InTx(ctx, func(tx *store.Tx) error { return tx.Reserve(ctx, user, ne.ID, "m", 0.01) })
	require.ErrorIs(t, err, store.ErrRunEnded, "and reserves nothing")
	live, err := s.RunLive(ctx, ne.ID)
	require.NoError(t, err)
	require.False(t, live)
}
