package engine

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// harness is one engine with fake executors on a fresh database.
type harness struct {
	t    testing.TB
	st   *store.Store
	eng  *Engine
	hub  *events.Hub
	fake *fake
	user string
	// queue is the River client, started by startQueue or by the test.
	queue runner
	// exec runs raw SQL on the database, for tests that break things.
	exec func(sql string) error
}

// runner is what the harness needs of a River queue.
type runner interface {
	Queue
	Start(ctx context.Context, hooks queue.Hooks) error
	Stop(ctx context.Context) error
}

// backends are the databases every engine test runs on.
var backends = []string{"sqlite", "postgres"}

// eachBackend runs fn as a subtest on SQLite and on Postgres.
func eachBackend(t *testing.T, fn func(t *testing.T, h *harness)) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			fn(t, newHarness(t, b, Config{MaxParallel: 8, MaxAttempts: 3}))
		})
	}
}

// quietLog discards log lines.
func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newHarness opens a fresh database of kind and starts an engine on it,
// with the fake executors and extra ones.
func newHarness(t *testing.T, kind string, cfg Config, extra ...executor.Executor) *harness {
	t.Helper()
	loc := filepath.Join(t.TempDir(), "e.db")
	if kind == "postgres" {
		loc = pgtest.URL(t)
	}
	h := attach(t, kind, loc, cfg, queue.Config{Workers: 20, NodeTimeout: 30 * time.Second, RescueAfter: time.Minute}, true, extra...)
	h.user = workflow.NewID()
	require.NoError(t, h.st.UpsertUser(context.Background(), workflow.User{ID: h.user, Email: h.user + "@example.com"}))
	return h
}

// attach opens the database of kind at loc (a file or a URL) and builds an
// engine with fake executors (and extra ones); its queue starts working
// jobs when start is set.
func attach(t testing.TB, kind, loc string, cfg Config, qc queue.Config, start bool, extra ...executor.Executor) *harness {
	t.Helper()
	ctx := context.Background()
	h := &harness{t: t, hub: events.NewHub(), fake: newFake()}
	reg, err := executor.NewRegistry(append(h.fake.all(), extra...)...)
	require.NoError(t, err)
	if kind == "sqlite" {
		db, err := sqlite.Open(ctx, loc, quietLog())
		require.NoError(t, err)
		t.Cleanup(func() { _ = db.Close() })
		h.st = store.NewSQLite(db)
		h.exec = func(q string) error { _, err := db.ExecContext(ctx, q); return err }
		q, err := queue.NewSQLite(ctx, db, qc, quietLog())
		require.NoError(t, err)
		h.eng = New(h.st, reg, events.Local{Hub: h.hub}, q, quietLog(), cfg)
		h.startQueue(q, start)
		return h
	}
	pool, err := postgres.Open(ctx, loc, quietLog())
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	h.st = store.NewPostgres(pool)
	h.exec = func(q string) error { _, err := pool.Exec(ctx, q); return err }
	q, err := queue.NewPostgres(ctx, pool, qc, quietLog())
	require.NoError(t, err)
	h.eng = New(h.st, reg, events.Postgres{Pool: pool, Log: quietLog()}, q, quietLog(), cfg)
	h.listen(pool)
	h.startQueue(q, start)
	return h
}

// listen forwards Postgres notifications to the hub until the test ends.
func (h *harness) listen(pool *pgxpool.Pool) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		events.Postgres{Pool: pool, Log: quietLog()}.Listen(ctx, h.hub, ready)
	}()
	<-ready
	h.t.Cleanup(func() { cancel(); <-done })
}

// startQueue starts the River client and stops it when the test ends.
func (h *harness) startQueue(q runner, start bool) {
	h.queue = q
	if !start {
		return
	}
	require.NoError(h.t, q.Start(context.Background(), h.hooks()))
	h.t.Cleanup(func() {
		h.fake.releaseAll()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = q.Stop(ctx)
	})
}

// hooks are the engine's hooks for its queue.
func (h *harness) hooks() queue.Hooks {
	return queue.Hooks{Run: h.eng.RunNode, Rescued: h.eng.Rescued, Reconcile: h.eng.Reconcile, Repair: h.eng.Repair}
}

// spec is a node in a test graph: name, fake behaviour, breakpoint.
type spec struct {
	name  string
	cfg   string
	brk   bool
	ntype workflow.NodeType
}

// workflowOf stores a workflow of nodes and "a>b" edges (by node name).
func (h *harness) workflowOf(nodes []spec, edges ...string) workflow.Workflow {
	h.t.Helper()
	ctx := context.Background()
	w := workflow.Workflow{UserID: h.user, Name: "test", IsActive: true}
	require.NoError(h.t, h.st.CreateWorkflow(ctx, &w))
	ids := map[string]string{}
	var g workflow.Graph
	for _, n := range nodes {
		ids[n.name] = workflow.NewID()
		cfg := n.cfg
		if cfg == "" {
			cfg = `{}`
		}
		g.Nodes = append(g.Nodes, workflow.Node{ID: ids[n.name], Type: orType(n.ntype), Name: n.name,
			Config: json.RawMessage(cfg), HasBreakpoint: n.brk})
	}
	for _, e := range edges {
		var a, b string
		for i := range e {
			if e[i] == '>' {
				a, b = e[:i], e[i+1:]
			}
		}
		g.Edges = append(g.Edges, workflow.Edge{ID: workflow.NewID(), SourceNodeID: ids[a], TargetNodeID: ids[b]})
	}
	require.NoError(h.t, h.st.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, w.ID, g) }))
	got, err := h.st.GetWorkflow(ctx, h.user, w.ID)
	require.NoError(h.t, err)
	return got
}

// orType defaults a node's type to TEXT_INPUT.
func orType(t workflow.NodeType) workflow.NodeType {
	if t == "" {
		return executor.TextInputType
	}
	return t
}

// waitFor waits until the execution reaches status (checked at once and on
// every event of the execution), failing after 30 s.
func (h *harness) waitFor(executionID string, status workflow.ExecutionStatus) workflow.Execution {
	h.t.Helper()
	return h.waitForWithin(executionID, status, 30*time.Second)
}

// waitForWithin is waitFor with a deadline of its own.
func (h *harness) waitForWithin(executionID string, status workflow.ExecutionStatus, within time.Duration) workflow.Execution {
	h.t.Helper()
	sub := h.hub.Subscribe(executionID)
	defer sub.Close()
	deadline := time.After(within)
	for {
		x, err := h.st.GetExecution(context.Background(), "", executionID)
		require.NoError(h.t, err)
		if x.Status == status {
			return x
		}
		select {
		case <-sub.C:
		case <-deadline:
			h.t.Fatalf("execution stayed %s, wanted %s", x.Status, status)
		}
	}
}

// nodes returns every node's state by node name.
func (h *harness) nodes(w workflow.Workflow, executionID string) map[string]workflow.NodeExecution {
	h.t.Helper()
	list, err := h.st.ListNodeExecutions(context.Background(), executionID)
	require.NoError(h.t, err)
	names := map[string]string{}
	for _, n := range w.Nodes {
		names[n.ID] = n.Name
	}
	out := map[string]workflow.NodeExecution{}
	for _, ne := range list {
		out[names[ne.NodeID]] = ne
	}
	return out
}

// statuses returns every node's status by name.
func (h *harness) statuses(w workflow.Workflow, executionID string) map[string]workflow.NodeStatus {
	out := map[string]workflow.NodeStatus{}
	for name, ne := range h.nodes(w, executionID) {
		out[name] = ne.Status
	}
	return out
}
