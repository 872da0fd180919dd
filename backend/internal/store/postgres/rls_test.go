package postgres_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// owned is what one user has: one of each row.
type owned struct {
	user, workflow, node, edge, execution, nodeExecution, generation string
}

// seed creates a user with a workflow, two nodes, an edge, an execution,
// a node execution and a generation, as the backend (owner role) would.
func seed(t *testing.T, s *store.Store, email string) owned {
	ctx := context.Background()
	o := owned{user: workflow.NewID()}
	require.NoError(t, s.UpsertUser(ctx, workflow.User{ID: o.user, Email: email}))
	w := workflow.Workflow{UserID: o.user, Name: email}
	require.NoError(t, s.CreateWorkflow(ctx, &w))
	a, b := workflow.NewID(), workflow.NewID()
	g := workflow.Graph{Nodes: []workflow.Node{{ID: a, Type: executor.TextInputType, Name: "a"}, {ID: b, Type: executor.PromptType, Name: "b"}},
		Edges: []workflow.Edge{{ID: workflow.NewID(), SourceNodeID: a, TargetNodeID: b}}}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, w.ID, g) }))
	e := workflow.Execution{WorkflowID: w.ID, Status: workflow.ExecRunning}
	require.NoError(t, s.CreateExecution(ctx, &e))
	ne := workflow.NodeExecution{ExecutionID: e.ID, NodeID: a, Status: workflow.NodePending}
	require.NoError(t, s.CreateNodeExecution(ctx, &ne))
	gen := workflow.Generation{ExecutionID: e.ID, ModelID: "m", Prompt: "p", ImageURLs: []string{"u"}, AspectRatio: "1:1"}
	require.NoError(t, s.CreateGeneration(ctx, &gen))
	return owned{user: o.user, workflow: w.ID, node: a, edge: g.Edges[0].ID, execution: e.ID, nodeExecution: ne.ID, generation: gen.ID}
}

// as runs fn in a transaction under role (and the JWT claims of sub, if
// any), the way Supabase's API runs a user's query; it is rolled back.
func as(t *testing.T, pool *pgxpool.Pool, role, sub string, fn func(tx pgx.Tx)) {
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx.Rollback(ctx) }()
	_, err = tx.Exec(ctx, "set local role "+role)
	require.NoError(t, err)
	if sub != "" {
		claims, _ := json.Marshal(map[string]string{"sub": sub, "role": role})
		_, err = tx.Exec(ctx, "select set_config('request.jwt.claims', $1, true)", string(claims))
		require.NoError(t, err)
	}
	fn(tx)
}

// ids returns the ids a query sees.
func ids(t *testing.T, tx pgx.Tx, table string) []string {
	rows, err := tx.Query(context.Background(), "select id::text from "+table+" order by id")
	require.NoError(t, err)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	return out
}

// TestRowLevelSecurity checks the brief's policies as Supabase's API roles.
func TestRowLevelSecurity(t *testing.T) {
	pool := pgtest.Pool(t)
	s := store.NewPostgres(pool)
	a, b := seed(t, s, "a@example.com"), seed(t, s, "b@example.com")
	ctx := context.Background()

	for _, pair := range [][2]owned{{a, b}, {b, a}} {
		me, other := pair[0], pair[1]
		as(t, pool, "authenticated", me.user, func(tx pgx.Tx) {
			require.Equal(t, []string{me.user}, ids(t, tx, "users"))
			require.Equal(t, []string{me.workflow}, ids(t, tx, "workflows"))
			require.Len(t, ids(t, tx, "nodes"), 2)
			require.Equal(t, []string{me.edge}, ids(t, tx, "edges"))
			require.Equal(t, []string{me.execution}, ids(t, tx, "executions"))
			require.Equal(t, []string{me.nodeExecution}, ids(t, tx, "node_executions"))
			require.Equal(t, []string{me.generation}, ids(t, tx, "generations"))

			tag, err := tx.Exec(ctx, "update workflows set name = 'mine' where id = $1", me.workflow)
			require.NoError(t, err)
			require.EqualValues(t, 1, tag.RowsAffected(), "edits own workflow")
			tag, err = tx.Exec(ctx, "update nodes set name = 'x' where workflow_id = $1", me.workflow)
			require.NoError(t, err)
			require.EqualValues(t, 2, tag.RowsAffected(), "edits own nodes")
			for _, q := range []string{
				"update workflows set name = 'stolen' where id = $1",
				"delete from workflows where id = $1",
				"update nodes set name = 'stolen' where workflow_id = $1",
				"delete from edges where workflow_id = $1",
			} {
				tag, err := tx.Exec(ctx, q, other.workflow)
				require.NoError(t, err)
				require.Zero(t, tag.RowsAffected(), q)
			}
		})
		as(t, pool, "authenticated", me.user, func(tx pgx.Tx) {
			_, err := tx.Exec(ctx, "insert into executions (workflow_id, status) values ($1, 'RUNNING')", me.workflow)
			require.ErrorContains(t, err, "permission denied", "users cannot create executions themselves")
		})
		as(t, pool, "authenticated", me.user, func(tx pgx.Tx) {
			_, err := tx.Exec(ctx, "insert into nodes (workflow_id, type, name) values ($1, 'TEXT_INPUT', 'x')", other.workflow)
			require.ErrorContains(t, err, "row-level security", "no nodes in another user's workflow")
		})
	}
	var total int
	require.NoError(t, pool.QueryRow(ctx, "select count(*) from pg_tables where schemaname = 'public' and rowsecurity and tablename in ('users','workflows','nodes','edges','executions','node_executions','generations')").Scan(&total))
	require.Equal(t, 7, total, "RLS is enabled on all seven tables")
}

// TestMigrateTwice checks that applying the schema again changes nothing.
func TestMigrateTwice(t *testing.T) {
	pool := pgtest.Pool(t)
	require.NoError(t, postgresMigrate(pool))
}

// TestMigrateMovesOldBookkeeping starts from a database whose migrations
// were recorded in public (before the private schema): the record moves
// and nothing is applied twice.
func TestMigrateMovesOldBookkeeping(t *testing.T) {
	pool := pgtest.Pool(t)
	ctx := context.Background()
	_, err := pool.Exec(ctx, `alter table visualadgen_private.schema_version rename to visualadgen_schema_version;
		alter table visualadgen_private.visualadgen_schema_version set schema public`)
	require.NoError(t, err)
	require.NoError(t, postgresMigrate(pool), "no migration runs again")
	var moved bool
	require.NoError(t, pool.QueryRow(ctx, `select to_regclass('visualadgen_private.schema_version') is not null
		and to_regclass('public.visualadgen_schema_version') is null`).Scan(&moved))
	require.True(t, moved)
}
