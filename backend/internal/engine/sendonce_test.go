package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// TestAttemptsAtOnceSendEachRequestOnce has eight attempts of one image
// model node (what wakes, retries, rescues and replicas make) work on its
// three planned FAL requests at the same instant, thirty times over on each
// database, against a FAL that answers submits after 0-20 ms and completes
// every third request at once: each request is sent exactly once, the
// attempts that came second wait for the first's, and the node then
// collects the three.
func TestAttemptsAtOnceSendEachRequestOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, h *harness) {
		ctx := context.Background()
		fake := faltest.New()
		defer fake.Close()
		var mu sync.Mutex
		rng := rand.New(rand.NewPCG(7, 11))
		random := func(limit time.Duration) time.Duration {
			mu.Lock()
			defer mu.Unlock()
			return time.Duration(rng.Int64N(int64(limit)))
		}
		fake.SubmitDelay = func() time.Duration { return random(20 * time.Millisecond) }
		fake.Latency = func(n int) time.Duration {
			if n%3 == 1 {
				return 0
			}
			return random(30 * time.Millisecond)
		}
		gen := executor.FAL{Client: &fal.Client{BaseURL: fake.URL, Key: "k", Backoff: time.Millisecond},
			Downloads: fetch.Client(true, time.Minute), Images: imaging.NewBudget(40_000_000, 2), Watching: executor.NewWatchers()}
		w := h.workflowOf([]spec{{name: "gen", ntype: executor.ImageModelType}})
		model, _ := imagemodel.Default().Get("fal-ai/flux/schnell")
		for round := range 30 {
			ne := newNodeExecution(t, h, w)
			var reqs []executor.Request
			for _, size := range [][2]int{{912, 1136}, {768, 1360}, {1408, 736}} {
				reqs = append(reqs, executor.Request{Model: model, Endpoint: model.ID, Width: size[0], Height: size[1], Count: 1, PlannedUSD: 0.003,
					Input: map[string]any{"prompt": fmt.Sprintf("round %d", round), "image_size": map[string]any{"width": size[0], "height": size[1]}}})
			}
			attempt := func() (*executor.Run, []*executor.Generated, error) {
				r := &executor.Run{ExecutionID: ne.ExecutionID, NodeID: ne.NodeID, NodeName: "gen", Requests: h.eng.requestsOf(ne.ID)}
				got, err := gen.Generate(ctx, r, reqs)
				return r, got, err
			}
			var wg sync.WaitGroup
			start := make(chan struct{})
			errs := make(chan error, 8)
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					if _, _, err := attempt(); err != nil {
						if _, waiting := executor.IsPending(err); !waiting {
							errs <- err
						}
					}
				}()
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}
			var got []*executor.Generated
			for { // the node's next wake, until FAL is done with all three
				_, g, err := attempt()
				if _, waiting := executor.IsPending(err); waiting {
					continue
				}
				require.NoError(t, err)
				got = g
				break
			}
			require.Len(t, got, 3)
			sent := 0
			for _, s := range fake.Sent() {
				if s.Input["prompt"] == fmt.Sprintf("round %d", round) {
					sent++
				}
			}
			require.Equal(t, 3, sent, "round %d: each of the three requests sent once by eight attempts", round)
		}
	})
}

// newNodeExecution starts an execution of w (its one node RUNNING) and
// returns the node's execution.
func newNodeExecution(t *testing.T, h *harness, w workflow.Workflow) workflow.NodeExecution {
	ctx := context.Background()
	x := workflow.Execution{WorkflowID: w.ID, Status: workflow.ExecRunning, Graph: &workflow.Graph{Nodes: w.Nodes, Edges: w.Edges}}
	ne := workflow.NodeExecution{NodeID: w.Nodes[0].ID, Status: workflow.NodeRunning}
	require.NoError(t, h.st.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateExecution(ctx, &x); err != nil {
			return err
		}
		ne.ExecutionID = x.ID
		return tx.CreateNodeExecution(ctx, &ne)
	}))
	return ne
}
