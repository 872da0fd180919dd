package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// prepared is what a node job needs to run its executor.
type prepared struct {
	node   *planNode // its part of the run's plan
	run    *executor.Run
	queued bool            // the node is QUEUED: not marked RUNNING yet
	input  json.RawMessage // its gathered inputs, stored when it is marked RUNNING
	// signature is what the node computes from; mayReuse says the run
	// allows reusing an earlier output for it; user owns the run.
	signature string
	mayReuse  bool
	user      string
}

// errNotQueued says a node left QUEUED before it could be marked RUNNING
// (its run was cancelled or failed meanwhile).
var errNotQueued = errors.New("the node is no longer queued")

// prepare reads the run without locking it and decides what the job does:
// nothing (the node or run is over), cancel a finished node's outside work,
// record a result obtained before, fail the node, or run it (the returned
// value).
func (e *Engine) prepare(ctx context.Context, j Job) (*prepared, error) {
	x, list, err := e.st.LoadRun(ctx, j.ExecutionID, false)
	if err != nil {
		return nil, err
	}
	plan, err := e.plans.get(ctx, e.st, j.ExecutionID)
	if err != nil {
		return nil, err
	}
	g := plan.dag
	rs := newRunState(nil, x, g, list)
	ne, pn := rs.nodes[j.NodeID], plan.node(j.NodeID)
	if ne == nil || pn == nil {
		return nil, nil
	}
	node, ex := pn.node, pn.ex
	state := ne.State()
	if x.Status.Final() || state != workflow.StateQueued && state != workflow.StateRunning {
		if ex != nil && ex.Outside() != nil && x.Status.Final() && ne.Status != workflow.NodeCompleted {
			e.stopOutside(context.WithoutCancel(ctx), j.ExecutionID, g) // in case the run's end could not
		}
		return nil, nil
	}
	rec, cancel := recordContext(ctx)
	defer cancel()
	if ex == nil {
		return nil, e.fail(rec, j, fmt.Errorf("no executor for node type %s", node.Type), nil)
	}
	if ne.PendingResult != nil && state == workflow.StateRunning {
		var res executor.Result
		if json.Unmarshal(ne.PendingResult, &res) == nil {
			return nil, e.record(ctx, j, &res, nil) // obtained before, not yet recorded
		}
	}
	inputs := gatherInputs(g, rs.nodes, j.NodeID, pn.lists)
	var in []byte
	if sizeAtLeast(inputs) <= MaxIOBytes {
		in, _ = json.Marshal(inputs)
	}
	if in == nil || len(in) > MaxIOBytes {
		return nil, e.fail(rec, j, fmt.Errorf("the node's inputs are over the %s a node may take in: connect fewer or smaller sources", size(MaxIOBytes)), nil)
	}
	run := pn.newRun(j.ExecutionID, x.UserID, inputs)
	run.Report, run.Reserve = e.reporter(j), e.money.Reserver(x.UserID, ne.ID)
	if pn.delivers() {
		run.Deliver = e.deliverer(j.ExecutionID, x.UserID)
	}
	sent := false // a node that asked an outside service already waits for that answer: it never reuses
	if ex.Outside() != nil {
		run.Requests = e.requestsOf(ne.ID)
		list, err := run.Requests.List(ctx)
		if err != nil {
			return nil, err
		}
		sent = len(list) > 0
	}
	return &prepared{node: pn, run: run, queued: state == workflow.StateQueued, input: in, user: x.UserID,
		signature: signature(x.UserID, pn, run, in), mayReuse: !sent && !fresh(g, x.Options)[j.NodeID]}, nil
}

// claim marks a QUEUED node RUNNING with its inputs. It fails with
// errNotQueued when the node is no longer queued (its run ended).
func (e *Engine) claim(ctx context.Context, j Job, input json.RawMessage) error {
	_, err := e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		switch {
		case ne == nil || rs.exec.Status.Final():
			return errNotQueued
		case ne.State() == workflow.StateRunning:
			return nil
		case ne.State() != workflow.StateQueued:
			return errNotQueued
		}
		return rs.moveNode(ctx, ne, workflow.StateRunning, nodeChange{input: input})
	})
	if errors.Is(err, errNotQueued) {
		return nil // nothing to do: the cancel that ended the run cancels the executor
	}
	return err
}

// reporter announces a node's progress reports to whoever watches its run.
// Reports are best effort: one that cannot be sent is dropped.
func (e *Engine) reporter(j Job) func(workflow.Progress) {
	return func(p workflow.Progress) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := e.pub.Announce(ctx, events.ForProgress(j.ExecutionID, j.NodeID, p)); err != nil {
			e.log.Debug("engine: a progress report was dropped", "execution_id", j.ExecutionID, "err", err)
		}
	}
}
