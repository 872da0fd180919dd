package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// testEmailTakenOver signs in a new identity whose email an older row holds
// (an account deleted and created again at the provider): the new identity
// gets in with an empty account; the old row keeps its workflows.
func testEmailTakenOver(t *testing.T, s *store.Store) {
	ctx := context.Background()
	old := newUser(t, s, "same@example.com")
	w := newWorkflow(t, s, old)
	fresh := workflow.NewID()
	require.NoError(t, s.RecordUser(ctx, workflow.User{ID: fresh, Email: "same@example.com"}))
	got, err := s.GetUser(ctx, fresh)
	require.NoError(t, err)
	require.Equal(t, "same@example.com", got.Email)
	list, err := s.ListWorkflows(ctx, fresh)
	require.NoError(t, err)
	require.Empty(t, list, "the new identity does not inherit the old one's work")
	prev, err := s.GetUser(ctx, old)
	require.NoError(t, err)
	require.Contains(t, prev.Email, "replaced by "+fresh)
	_, err = s.GetWorkflow(ctx, old, w.ID)
	require.NoError(t, err, "the old row keeps its data")
	require.NoError(t, s.RecordUser(ctx, workflow.User{ID: fresh, Email: "same@example.com"}), "signing in again changes nothing")
}

// testUploadUsage counts a user's uploads and their bytes, and no one else's.
func testUploadUsage(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b := newUser(t, s, "a@example.com"), newUser(t, s, "b@example.com")
	for _, n := range []int64{100, 250} {
		require.NoError(t, s.AddUpload(ctx, store.Upload{ID: workflow.NewID(), UserID: a, URL: "/files/x", ContentType: "image/png", Bytes: n, Width: 1, Height: 1},
			store.Quota{Files: 2, Bytes: 1 << 20}))
	}
	requireCode(t, s.AddUpload(ctx, store.Upload{ID: workflow.NewID(), UserID: a, URL: "/files/y", ContentType: "image/png", Bytes: 1, Width: 1, Height: 1},
		store.Quota{Files: 2, Bytes: 1 << 20}), fault.CodeTooLarge, "a third file passes a quota of two")
	count, bytes, err := s.UploadUsage(ctx, a)
	require.NoError(t, err)
	require.Equal(t, 2, count)
	require.EqualValues(t, 350, bytes)
	count, bytes, err = s.UploadUsage(ctx, b)
	require.NoError(t, err)
	require.Zero(t, count)
	require.Zero(t, bytes)
}
