package engine

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/budget"
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// complete saves the node's output (and generation), marks it COMPLETED
// (RUNNING first, with its inputs, if it was still QUEUED) and advances the
// execution, in one transaction.
func (e *Engine) complete(ctx context.Context, j Job, res *executor.Result, input json.RawMessage) error {
	out, err := json.Marshal(res.Output)
	if err != nil {
		return e.fail(ctx, j, fmt.Errorf("the node's output is not JSON: %w", err), input)
	}
	if len(out) > MaxIOBytes {
		return e.fail(ctx, j, fmt.Errorf("the node's output is %s, over the %s a node may produce", size(len(out)), size(MaxIOBytes)), input)
	}
	_, err = e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if rs.exec.Status.Final() || ne == nil {
			return nil
		}
		if ne.State() == workflow.StateQueued {
			if err := rs.moveNode(ctx, ne, workflow.StateRunning, nodeChange{input: input}); err != nil {
				return err
			}
		}
		if ne.State() != workflow.StateRunning {
			return nil
		}
		cost, err := recordGenerations(ctx, rs, ne, res.Generations)
		if err != nil {
			return err
		}
		if err := budget.SettleNode(ctx, rs.tx, ne.ID); err != nil {
			return err
		}
		if err := recordFinals(ctx, rs, ne, res); err != nil {
			return err
		}
		if res.Signature != "" {
			ne.Signature = &res.Signature
		}
		if res.ReusedFrom != "" {
			ne.ReusedFrom = &res.ReusedFrom
			// The files the reused result names are held by this run too.
			if err := rs.tx.ShareFiles(ctx, res.ReusedFrom, ne.ID); err != nil {
				return err
			}
		}
		ne.PendingResult = nil
		if err := rs.moveNode(ctx, ne, workflow.StateCompleted, nodeChange{output: out, cost: cost}); err != nil {
			return err
		}
		return e.advance(ctx, rs)
	})
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}

// fail records a node's failure: the node FAILED (RUNNING first, with its
// inputs, when they are given and it was still QUEUED), the execution FAILED
// with a message naming it, every other unfinished node SKIPPED, and running
// siblings cancelled.
func (e *Engine) fail(ctx context.Context, j Job, cause error, input json.RawMessage) error {
	_, err := e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if rs.exec.Status.Final() || ne == nil || ne.Status.Final() {
			return nil
		}
		if ne.State() == workflow.StateQueued && input != nil {
			if err := rs.moveNode(ctx, ne, workflow.StateRunning, nodeChange{input: input}); err != nil {
				return err
			}
		}
		return e.failIn(ctx, rs, ne, cause)
	})
	e.cancelLocal(j.ExecutionID, ErrCancelled)
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}

// failIn is fail inside an open transaction. A failure that was paid for
// (FAL billed images it then withheld) records its generation, so the
// run's cost counts it.
func (e *Engine) failIn(ctx context.Context, rs *runState, ne *workflow.NodeExecution, cause error) error {
	msg := cause.Error()
	cost, err := recordGenerations(ctx, rs, ne, executor.PaidFor(cause))
	if err != nil {
		return err
	}
	if err := budget.SettleNode(ctx, rs.tx, ne.ID); err != nil {
		return err
	}
	change := nodeChange{msg: msg, cost: cost}
	if err := rs.moveNode(ctx, ne, workflow.StateFailed, change); err != nil {
		return err
	}
	name := rs.g.Nodes[ne.NodeID].Name
	return rs.finish(ctx, workflow.ExecFailed, fmt.Sprintf("node %q failed: %s", name, firstLine(msg)),
		fmt.Sprintf("skipped: node %q failed", name))
}

// recordFinals stores the finals a node delivered as records, or, when it
// reused an earlier result, copies that result's records (the same files).
func recordFinals(ctx context.Context, rs *runState, ne *workflow.NodeExecution, res *executor.Result) error {
	if res.ReusedFrom != "" {
		if !res.Delivers {
			return nil
		}
		return rs.tx.CopyFinals(ctx, res.ReusedFrom, *ne)
	}
	return rs.tx.CreateFinals(ctx, *ne, res.Finals)
}

// recordGenerations stores a node's generations (the first under the node
// execution's id, so a result is never recorded twice) and returns what
// they cost together (nil for none).
func recordGenerations(ctx context.Context, rs *runState, ne *workflow.NodeExecution, gens []*workflow.Generation) (*float64, error) {
	if len(gens) == 0 {
		return nil, nil
	}
	total := 0.0
	for i, g := range gens {
		g.ID, g.ExecutionID, g.NodeID = workflow.NewID(), rs.exec.ID, &ne.NodeID
		if i == 0 {
			g.ID = ne.ID
		}
		if err := rs.tx.CreateGeneration(ctx, g); err != nil {
			return nil, err
		}
		if g.Cost != nil {
			total = cost.Round(total + *g.Cost)
		}
	}
	return &total, nil
}
