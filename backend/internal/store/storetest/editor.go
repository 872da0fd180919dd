package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// testGraphVersions counts saves and refuses one made from an older
// version, while a save that names no version goes over any.
func testGraphVersions(t *testing.T, s *store.Store) {
	ctx := context.Background()
	w := newWorkflow(t, s, newUser(t, s, "v@example.com"))
	require.EqualValues(t, 1, w.Version)
	v, err := s.BumpVersion(ctx, w.ID, ptr[int64](1))
	require.NoError(t, err)
	require.EqualValues(t, 2, v)
	_, err = s.BumpVersion(ctx, w.ID, ptr[int64](1))
	requireCode(t, err, fault.CodeConflict)
	require.ErrorContains(t, err, "it is at version 2, yours is 1")
	v, err = s.BumpVersion(ctx, w.ID, nil)
	require.NoError(t, err)
	require.EqualValues(t, 3, v)
	_, err = s.BumpVersion(ctx, workflow.NewID(), ptr[int64](1))
	requireCode(t, err, fault.CodeNotFound)
}

// testLastRuns finds each workflow's newest run and the first final image
// it delivered, for the owner only.
func testLastRuns(t *testing.T, s *store.Store) {
	ctx := context.Background()
	user := newUser(t, s, "l@example.com")
	w, idle := newWorkflow(t, s, user), newWorkflow(t, s, user)
	newExecution(t, s, w)
	last := newExecution(t, s, w)
	out, err := json.Marshal(map[string]any{"final_images": []string{"/files/outputs/a.png", "/files/outputs/b.png"}})
	require.NoError(t, err)
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error {
		ne, err := tx.GetNodeExecution(ctx, last.ID, w.Nodes[1].ID)
		if err != nil {
			return err
		}
		ne.Status, ne.OutputData = workflow.NodeCompleted, out
		if err := tx.WriteNodeExecutions(ctx, []workflow.NodeExecution{ne}); err != nil {
			return err
		}
		return tx.CreateFinals(ctx, ne, []workflow.Final{{Ratio: "1:1", Width: 1080, Height: 1080, URL: "/files/outputs/a.png"},
			{Ratio: "1:1", Width: 1080, Height: 1080, URL: "/files/outputs/b.png"}})
	}))
	runs, err := s.LastRuns(ctx, user)
	require.NoError(t, err)
	require.Len(t, runs, 1, "a workflow without runs has none")
	require.Equal(t, last.ID, runs[w.ID].ID)
	require.Equal(t, "/files/outputs/a.png", *runs[w.ID].Image)
	_, ok := runs[idle.ID]
	require.False(t, ok)
	others, err := s.LastRuns(ctx, newUser(t, s, "o@example.com"))
	require.NoError(t, err)
	require.Empty(t, others)
}
