// Package storetest is the conformance suite every store implementation
// passes: the same behaviour on Postgres and on SQLite.
package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Run runs the whole suite; open returns an empty, migrated store.
func Run(t *testing.T, open func(t *testing.T) *store.Store) {
	tests := map[string]func(t *testing.T, s *store.Store){
		"WorkflowCRUD":          testWorkflowCRUD,
		"OwnerIsolation":        testOwnerIsolation,
		"GraphReplace":          testGraphReplace,
		"GraphRefusedWhole":     testGraphRefusedWhole,
		"CascadeDelete":         testCascadeDelete,
		"UniqueViolations":      testUniqueViolations,
		"JSONRoundTrip":         testJSONRoundTrip,
		"ExecutionLifecycle":    testExecutionLifecycle,
		"ExecutionPaging":       testExecutionPaging,
		"ConcurrentWriters":     testConcurrentWriters,
		"TransactionRollback":   testTransactionRollback,
		"UserUpsertKeepsFields": testUserUpsert,
		"EmailTakenOver":        testEmailTakenOver,
		"UploadUsage":           testUploadUsage,
		"StoredFiles":           testStoredFiles,
		"GraphVersions":         testGraphVersions,
		"LastRuns":              testLastRuns,
		"OutsideRequests":       testOutsideRequests,
		"RunOutput":             testRunOutput,
		"OutputUsage":           testOutputUsage,
	}
	for name, fn := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fn(t, open(t))
		})
	}
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// newUser stores a user and returns its id.
func newUser(t *testing.T, s *store.Store, email string) string {
	t.Helper()
	id := workflow.NewID()
	require.NoError(t, s.UpsertUser(context.Background(), workflow.User{ID: id, Email: email}))
	return id
}

// newWorkflow stores a workflow for user with a small graph: a text node
// feeding a prompt node.
func newWorkflow(t *testing.T, s *store.Store, user string) workflow.Workflow {
	t.Helper()
	ctx := context.Background()
	w := workflow.Workflow{UserID: user, Name: "Spring sale", Description: ptr("ads"), IsActive: true}
	require.NoError(t, s.CreateWorkflow(ctx, &w))
	text, prompt := workflow.NewID(), workflow.NewID()
	g := workflow.Graph{
		Nodes: []workflow.Node{
			{ID: text, Type: executor.TextInputType, Name: "Product", Config: json.RawMessage(`{"value":"sneakers"}`), PositionX: 10, PositionY: 20.5},
			{ID: prompt, Type: executor.PromptType, Name: "Prompt", Config: json.RawMessage(`{"template":"An ad for {{text}}"}`), HasBreakpoint: true},
		},
		Edges: []workflow.Edge{{SourceNodeID: text, TargetNodeID: prompt, TargetHandle: ptr("text")}},
	}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, w.ID, g) }))
	got, err := s.GetWorkflow(ctx, user, w.ID)
	require.NoError(t, err)
	return got
}

// requireCode fails unless err carries code.
func requireCode(t *testing.T, err error, code fault.Code, msgAndArgs ...any) {
	t.Helper()
	require.Error(t, err, msgAndArgs...)
	require.Equalf(t, code, fault.CodeOf(err), "error: %v", err)
}
