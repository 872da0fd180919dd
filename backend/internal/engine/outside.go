package engine

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// stopOutsideFor bounds how long a run's end keeps telling outside
// services to stop its requests.
const stopOutsideFor = 15 * time.Second

// nodeRequests is executor.Requests on the store, for one attempt of one
// node execution: its claims carry the attempt's token.
type nodeRequests struct {
	st    *store.Store
	id    string // the node execution
	token string // this attempt
}

// requestsOf returns the record of a node execution's outside requests as
// a new attempt sees it.
func (e *Engine) requestsOf(nodeExecutionID string) *nodeRequests {
	return &nodeRequests{st: e.st, id: nodeExecutionID, token: workflow.NewID()}
}

// List reads the node execution's requests by slot.
func (n *nodeRequests) List(ctx context.Context) ([]workflow.OutsideRequest, error) {
	return n.st.Requests(ctx, n.id)
}

// Claim claims a slot for this attempt, while the run goes on.
func (n *nodeRequests) Claim(ctx context.Context, slot int, endpoint string, usd float64) (workflow.OutsideRequest, bool, error) {
	o, mine, err := n.st.ClaimRequest(ctx, workflow.OutsideRequest{NodeExecutionID: n.id, Slot: slot, Endpoint: endpoint,
		PlannedUSD: &usd, ClaimedBy: n.token})
	if errors.Is(err, store.ErrRunEnded) {
		err = executor.ErrRunEnded
	}
	return o, mine, err
}

// Live reports whether the node's run goes on.
func (n *nodeRequests) Live(ctx context.Context) (bool, error) { return n.st.RunLive(ctx, n.id) }

// Save records the handle on this attempt's claim.
func (n *nodeRequests) Save(ctx context.Context, slot int, handle json.RawMessage) (bool, error) {
	return n.st.SaveRequestHandle(ctx, n.id, slot, n.token, handle)
}

// Unclaim frees this attempt's claim.
func (n *nodeRequests) Unclaim(ctx context.Context, slot int) error {
	return n.st.UnclaimRequest(ctx, n.id, slot, n.token)
}

// Lose marks another attempt's stale claim LOST.
func (n *nodeRequests) Lose(ctx context.Context, slot int, claimedBy string, stale time.Duration) (bool, error) {
	return n.st.LoseRequest(ctx, n.id, slot, claimedBy, stale)
}

// End records the answer to a cancel.
func (n *nodeRequests) End(ctx context.Context, slot int, answer string) error {
	_, err := n.st.EndRequest(ctx, n.id, slot, answer)
	return err
}

// sendsOutside reports whether any node of g sends outside requests.
func (e *Engine) sendsOutside(g *dag.Graph) bool {
	for _, n := range g.Nodes {
		if ex, ok := e.reg.Get(n.Type); ok && ex.Outside() != nil {
			return true
		}
	}
	return false
}

// ended is called once a transaction that ended a run committed, in the
// process that ended it: its requests still open at outside services are
// cancelled there at once (in the background), and this process's
// watchers of them stop. Other replicas stop theirs when the run's final
// event reaches them (OnEvent).
func (e *Engine) ended(executionID string, g *dag.Graph) {
	e.stopWatching(executionID)
	if !e.sendsOutside(g) {
		return
	}
	e.bg.Add(1)
	go func() {
		defer e.bg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), stopOutsideFor)
		defer cancel()
		e.stopOutside(ctx, executionID, g)
	}()
}

// stopOutside cancels, at their services, the accepted requests of the
// run's nodes that did not complete, all at once, and records each answer
// (a request is cancelled once, whichever process gets there first). A
// request FAL reports ALREADY_COMPLETED is charged as completed: the
// budget's settlement counts every accepted request of a node that
// recorded no cost at its planned cost.
func (e *Engine) stopOutside(ctx context.Context, executionID string, g *dag.Graph) {
	open, err := e.st.OpenRequests(ctx, executionID)
	if err != nil {
		e.log.Warn("engine: the run's outside requests could not be read to cancel them", "execution_id", executionID, "err", err)
		return
	}
	var wg sync.WaitGroup
	for _, o := range open {
		node, ok := g.Nodes[o.NodeID]
		if !ok {
			continue
		}
		ex, ok := e.reg.Get(node.Type)
		if !ok || ex.Outside() == nil {
			continue
		}
		wg.Add(1)
		go func(out executor.Outsider, o workflow.OutsideRequest) {
			defer wg.Done()
			answer, err := out.CancelOutside(ctx, o.Handle)
			if err != nil {
				e.log.Warn("engine: an outside request could not be cancelled", "execution_id", executionID, "node_id", o.NodeID, "err", err)
				return
			}
			if _, err := e.st.EndRequest(ctx, o.NodeExecutionID, o.Slot, answer); err != nil {
				e.log.Warn("engine: a cancelled request's answer could not be recorded", "execution_id", executionID, "err", err)
			}
		}(ex.Outside(), o)
	}
	wg.Wait()
}

// stopWatching stops this process's watchers of a run's outside requests.
func (e *Engine) stopWatching(executionID string) {
	for _, t := range e.reg.Types() {
		if ex, ok := e.reg.Get(t); ok && ex.Outside() != nil {
			ex.Outside().StopWatching(executionID)
		}
	}
}

// Drain waits for the work a run's end started in the background
// (cancelling its outside requests) to finish.
func (e *Engine) Drain() { e.bg.Wait() }
