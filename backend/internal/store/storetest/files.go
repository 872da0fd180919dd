package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// endedRun is a finished run of a new workflow of user, and the node
// execution of its first node.
func endedRun(t *testing.T, s *store.Store, user string) (workflow.Workflow, workflow.NodeExecution) {
	t.Helper()
	ctx := context.Background()
	w := newWorkflow(t, s, user)
	e := newExecution(t, s, w)
	e.Status = workflow.ExecCompleted
	require.NoError(t, s.UpdateExecution(ctx, e))
	ne, err := s.GetNodeExecution(ctx, e.ID, w.Nodes[0].ID)
	require.NoError(t, err)
	return w, ne
}

// queued lists the objects queued for deletion from storage.
func queued(t *testing.T, s *store.Store) []string {
	t.Helper()
	list, err := s.QueuedDeletions(context.Background(), 100)
	require.NoError(t, err)
	return list
}

// testStoredFiles: a file goes to the deletion queue with the last row
// that holds it (an upload, a font's cascade, a run reused elsewhere), the
// quota counts it until it leaves the queue, and a run that is gone holds
// nothing.
func testStoredFiles(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := newUser(t, s, "a@example.com")
	up := store.Upload{ID: workflow.NewID(), UserID: a, URL: "/files/u/1.png", ContentType: "image/png", Bytes: 600, Width: 1, Height: 1}
	require.NoError(t, s.AddUpload(ctx, up, store.Quota{Files: 5, Bytes: 1000}))
	requireCode(t, s.AddUpload(ctx, store.Upload{ID: workflow.NewID(), UserID: a, URL: "/files/u/2.png", ContentType: "image/png",
		Bytes: 600, Width: 1, Height: 1}, store.Quota{Files: 5, Bytes: 1000}), fault.CodeTooLarge, "bytes over the quota")
	require.NoError(t, s.DeleteUpload(ctx, a, up.ID))
	require.Equal(t, []string{up.URL}, queued(t, s))
	count, bytes, err := s.UploadUsage(ctx, a)
	require.NoError(t, err)
	require.Equal(t, [2]int64{1, 600}, [2]int64{int64(count), bytes}, "still in storage: still counted")
	require.NoError(t, s.Dequeue(ctx, []string{up.URL}))
	count, _, err = s.UploadUsage(ctx, a)
	require.NoError(t, err)
	require.Zero(t, count)

	wa, na := endedRun(t, s, a)
	wb, nb := endedRun(t, s, a)
	require.NoError(t, s.HoldRunFile(ctx, na.ExecutionID, na.NodeID, "/files/generations/x.png", store.FileGeneration, 10))
	require.NoError(t, s.HoldRunFile(ctx, na.ExecutionID, na.NodeID, "/files/generations/x.png", store.FileGeneration, 10), "twice is once")
	require.NoError(t, s.ShareFiles(ctx, na.ID, nb.ID))
	require.NoError(t, s.DeleteWorkflow(ctx, a, wa.ID))
	require.Empty(t, queued(t, s), "the run that reused it still holds it")
	require.NoError(t, s.DeleteWorkflow(ctx, a, wb.ID))
	require.Equal(t, []string{"/files/generations/x.png"}, queued(t, s))
	held, err := s.HeldAgain(ctx, []string{"/files/generations/x.png"})
	require.NoError(t, err)
	require.Empty(t, held)
	require.NoError(t, s.Dequeue(ctx, queued(t, s)))
	requireCode(t, s.HoldRunFile(ctx, na.ExecutionID, na.NodeID, "/files/generations/y.png", store.FileGeneration, 10),
		fault.CodeNotFound, "a run that is gone")

	first, err := s.AddSample(ctx, a, "/files/u/s1.png", 5)
	require.NoError(t, err)
	second, err := s.AddSample(ctx, a, "/files/u/s2.png", 5)
	require.NoError(t, err)
	require.Equal(t, [2]string{"/files/u/s1.png", "/files/u/s1.png"}, [2]string{first, second}, "one sample photo per user")
	got, err := s.SampleOf(ctx, newUser(t, s, "b@example.com"))
	require.NoError(t, err)
	require.Empty(t, got)
}
