package engine

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// realDB is one database with the real image model in front of a fake
// FAL: replicas built on it share the database, as two servers would, and
// hear no events of each other (the final event of a run has not reached
// them yet, or never will: a listener reconnecting, a full hub buffer).
type realDB struct {
	t    *testing.T
	st   *store.Store
	q    Queue
	pub  func() events.Publisher
	user string
	fal  *faltest.Server
	// backoff is the FAL client's first retry wait in the replicas built.
	backoff time.Duration
}

// openReal opens a fresh database of kind with a fake FAL. No queue
// works jobs: the test runs each node job itself, in the order it wants.
func openReal(t *testing.T, kind string) *realDB {
	t.Helper()
	ctx := context.Background()
	qc := queue.Config{Workers: 4, NodeTimeout: 30 * time.Second, RescueAfter: time.Minute}
	d := &realDB{t: t, fal: faltest.New(), backoff: time.Millisecond}
	t.Cleanup(d.fal.Close)
	if kind == "sqlite" {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"), quietLog())
		require.NoError(t, err)
		t.Cleanup(func() { _ = db.Close() })
		d.st = store.NewSQLite(db)
		q, err := queue.NewSQLite(ctx, db, qc, quietLog())
		require.NoError(t, err)
		d.q = q
		d.pub = func() events.Publisher { return events.Local{Hub: events.NewHub()} }
	} else {
		pool, err := postgres.Open(ctx, pgtest.URL(t), quietLog())
		require.NoError(t, err)
		t.Cleanup(pool.Close)
		d.st = store.NewPostgres(pool)
		q, err := queue.NewPostgres(ctx, pool, qc, quietLog())
		require.NoError(t, err)
		d.q = q
		d.pub = func() events.Publisher { return events.Postgres{Pool: pool, Log: quietLog()} }
	}
	d.user = workflow.NewID()
	require.NoError(t, d.st.UpsertUser(ctx, workflow.User{ID: d.user, Email: d.user + "@example.com"}))
	return d
}

// replica is one server's engine on the database: its own registry, FAL
// client and watchers.
func (d *realDB) replica() *Engine {
	images := imaging.NewBudget(40_000_000, 2)
	downloads := fetch.Client(true, time.Minute)
	gen := executor.FAL{Client: &fal.Client{BaseURL: d.fal.URL, Key: "k", Backoff: d.backoff}, Downloads: downloads,
		Images: images, Watching: executor.NewWatchers()}
	reg, err := executor.NewRegistry(executor.NewTextInput(), executor.NewImageInput(),
		executor.NewImageModel(executor.ImageModelDeps{Models: imagemodel.Default(), Gen: gen,
			Blobs: blob.Local{Dir: d.t.TempDir(), Prefix: "/files"}, Images: images, Downloads: downloads}))
	require.NoError(d.t, err)
	return New(d.st, reg, d.pub(), d.q, quietLog(), Config{MaxParallel: 8, MaxAttempts: 3})
}

// graph stores a workflow of a Text input feeding an image model's prompt
// (and, with photo set, an Image input feeding its image) and returns it
// with the model's node id.
func (d *realDB) graph(model, photo string) (workflow.Workflow, string) {
	ctx := context.Background()
	w := workflow.Workflow{UserID: d.user, Name: "review", IsActive: true}
	require.NoError(d.t, d.st.CreateWorkflow(ctx, &w))
	text, gen, img := workflow.NewID(), workflow.NewID(), workflow.NewID()
	prompt := "prompt"
	g := workflow.Graph{Nodes: []workflow.Node{
		{ID: text, Type: executor.TextInputType, Name: "Product", Config: json.RawMessage(`{"value":"red sneakers"}`)},
		{ID: gen, Type: executor.ImageModelType, Name: "Model", Config: json.RawMessage(model)}},
		Edges: []workflow.Edge{{ID: workflow.NewID(), SourceNodeID: text, TargetNodeID: gen, TargetHandle: &prompt}}}
	if photo != "" {
		g.Nodes = append(g.Nodes, workflow.Node{ID: img, Type: executor.ImageInputType, Name: "Photo",
			Config: json.RawMessage(`{"image_url":"` + photo + `"}`)})
		g.Edges = append(g.Edges, workflow.Edge{ID: workflow.NewID(), SourceNodeID: img, TargetNodeID: gen})
	}
	require.NoError(d.t, d.st.InTx(ctx, func(tx *store.Tx) error { return tx.ReplaceGraph(ctx, w.ID, g) }))
	got, err := d.st.GetWorkflow(ctx, d.user, w.ID)
	require.NoError(d.t, err)
	return got, gen
}

// runSources starts w on e and runs every node but the model, so the
// model's job is next.
func (d *realDB) runSources(e *Engine, w workflow.Workflow, model string) workflow.Execution {
	ctx := context.Background()
	x, err := e.Start(ctx, d.user, w.ID)
	require.NoError(d.t, err)
	for _, n := range w.Nodes {
		if n.ID != model {
			require.NoError(d.t, e.RunNode(ctx, Job{ExecutionID: x.ID, NodeID: n.ID}, 1))
		}
	}
	return x
}

// final is the run's final event, as it reaches a replica late.
func (d *realDB) final(id string) events.Event {
	x, err := d.st.GetExecution(context.Background(), "", id)
	require.NoError(d.t, err)
	require.True(d.t, x.Status.Final())
	return events.ForExecution(x)
}

// TestReviewReplicaSendsNothingForARunThatEnded: replica B has read the
// run and is about to run the image model (prepare done) when replica A
// cancels the run; B has not heard yet (NOTIFY latency; or its listener was
// reconnecting and never will). B's reservation and claim read the run in
// the database, taking turns with the cancel: the run ended, so B reserves
// nothing, claims nothing and sends FAL nothing.
func TestReviewReplicaSendsNothingForARunThatEnded(t *testing.T) {
	ctx := context.Background()
	d := openReal(t, "postgres")
	a, b := d.replica(), d.replica()
	w, model := d.graph(`{"model":"fal-ai/flux/schnell","parameters":{"image_size":"square"}}`, "")
	x := d.runSources(b, w, model)
	j := Job{ExecutionID: x.ID, NodeID: model}
	p, err := b.prepare(ctx, j)
	require.NoError(t, err)
	require.NotNil(t, p, "B is about to run the model")

	_, err = a.Cancel(ctx, d.user, x.ID) // on replica A
	require.NoError(t, err)
	a.Drain()

	res, err := b.safeRun(ctx, p.node.cfg, p.run) // B, which has not heard of the cancel
	_ = b.settle(ctx, j, 1, p, outcome{res, err}, false)
	b.OnEvent(d.final(x.ID))                 // the event arrives at last
	require.NoError(t, b.RunNode(ctx, j, 2)) // the snoozed job's next run
	b.Drain()

	spend, err := d.st.SpendOf(ctx, d.user, false)
	require.NoError(t, err)
	assert.Zero(t, d.fal.Count("submit"), "a node of a run that already ended sends FAL nothing")
	assert.Zero(t, spend.Reserved, "nothing stays reserved once the run has ended")
	if d.fal.Count("submit") > 0 {
		assert.Equal(t, 0.003, spend.Spent, "a request FAL accepted (here completed) counts against the budget")
	}
}

// TestReviewCancelReachesARequestSavedJustAfterItsRead: replica B is
// submitting the request (slot SUBMITTING) when replica A cancels the run.
// A's look for open requests finds none (SUBMITTING has no id to cancel
// with); B's submit is then accepted and saved, and B reads the run again
// after the save: it ended, so B cancels the request at FAL itself and
// ends its job. FAL is told to stop it once, and the request is CANCELLED.
func TestReviewCancelReachesARequestSavedJustAfterItsRead(t *testing.T) {
	ctx := context.Background()
	d := openReal(t, "postgres")
	submitting, release := make(chan struct{}, 1), make(chan struct{})
	d.fal.SubmitDelay = func() time.Duration {
		submitting <- struct{}{}
		<-release
		return 0
	}
	a, b := d.replica(), d.replica()
	w, model := d.graph(`{"model":"fal-ai/flux/schnell","parameters":{"image_size":"square"}}`, "")
	x := d.runSources(b, w, model)
	j := Job{ExecutionID: x.ID, NodeID: model}
	done := make(chan error, 1)
	go func() { done <- b.RunNode(ctx, j, 1) }()
	<-submitting // B's request is on its way to FAL

	_, err := a.Cancel(ctx, d.user, x.ID) // on replica A
	require.NoError(t, err)
	a.Drain() // A looked for open requests to cancel

	close(release) // FAL accepts B's request; B saves it, then reads the run
	require.NoError(t, <-done, "B's job ends: nothing will run it again")
	b.Drain()

	ne, err := d.st.GetNodeExecution(ctx, x.ID, model)
	require.NoError(t, err)
	rows, err := d.st.Requests(ctx, ne.ID)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, 1, d.fal.Count("submit"))
	assert.Equal(t, 1, d.fal.Count("cancel"), "FAL is told to stop the request of the cancelled run")
	assert.Equal(t, workflow.RequestCancelled, rows[0].State)
	spend, err := d.st.SpendOf(ctx, d.user, false)
	require.NoError(t, err)
	assert.Equal(t, 0.003, spend.Spent, "the request FAL accepted counts at its planned cost")
	assert.Zero(t, spend.Reserved)
}

// await waits for one signal (a minute at most).
func await(t *testing.T, ch <-chan string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		t.Fatal("no signal within a minute")
	}
}

// TestReviewCancelWhilePhotoIsReadSendsNothing cancels a run, on one
// server, while its image model reads the product photo for its first
// request. The photo is read before the slot is claimed, on the job's
// context, so the cancel stops it there: nothing is claimed and FAL
// receives nothing.
func TestReviewCancelWhilePhotoIsReadSendsNothing(t *testing.T) {
	for _, kind := range backends {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := openReal(t, kind)
			fetched, release := make(chan string, 1), make(chan struct{})
			shoe, _ := imaging.Preview("shoe", "m", 0, 300, 200)
			photo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fetched <- r.URL.Path
				<-release
				w.Header().Set("Content-Type", "image/png")
				_, _ = w.Write(shoe)
			}))
			defer photo.Close()
			e := d.replica()
			w, model := d.graph(`{"model":"fal-ai/flux/dev","parameters":{"aspect_ratio":"1:1"}}`, photo.URL+"/shoe.png")
			x := d.runSources(e, w, model)
			done := make(chan error, 1)
			go func() { done <- e.RunNode(ctx, Job{ExecutionID: x.ID, NodeID: model}, 1) }()
			await(t, fetched)
			_, err := e.Cancel(ctx, d.user, x.ID)
			require.NoError(t, err)
			close(release)
			require.NoError(t, <-done)
			e.Drain()
			assert.Zero(t, d.fal.Count("submit"), "a request of a run cancelled before it was sent is not sent")
		})
	}
}
