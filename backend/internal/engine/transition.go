package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// nodeMoves is every allowed change of a node execution's state; the
// engine changes states only through moveNode, which refuses any other.
//
//	WAITING  -> QUEUED (its job is enqueued), PAUSED (a breakpoint), SKIPPED
//	QUEUED   -> RUNNING (a worker claims it), FAILED (it cannot start), SKIPPED
//	PAUSED   -> QUEUED (step or resume), SKIPPED
//	RUNNING  -> COMPLETED, FAILED, SKIPPED (the run ended first)
var nodeMoves = map[workflow.NodeState][]workflow.NodeState{
	workflow.StateWaiting: {workflow.StateQueued, workflow.StatePaused, workflow.StateSkipped},
	workflow.StateQueued:  {workflow.StateRunning, workflow.StateFailed, workflow.StateSkipped},
	workflow.StatePaused:  {workflow.StateQueued, workflow.StateSkipped},
	workflow.StateRunning: {workflow.StateCompleted, workflow.StateFailed, workflow.StateSkipped},
}

// execMoves is every allowed change of an execution's status.
//
//	RUNNING -> PAUSED (a breakpoint), COMPLETED, FAILED, CANCELLED
//	PAUSED  -> RUNNING (step or resume), FAILED (a node still running failed), CANCELLED
var execMoves = map[workflow.ExecutionStatus][]workflow.ExecutionStatus{
	workflow.ExecRunning: {workflow.ExecPaused, workflow.ExecCompleted, workflow.ExecFailed, workflow.ExecCancelled},
	workflow.ExecPaused:  {workflow.ExecRunning, workflow.ExecFailed, workflow.ExecCancelled},
}

// nodeChange is what a node's move records besides its state.
type nodeChange struct {
	input  json.RawMessage // RUNNING: the gathered inputs
	output json.RawMessage // COMPLETED: the output
	msg    string          // FAILED: the error; SKIPPED: why
	cost   *float64        // COMPLETED: what its generation cost (for the event)
}

// moveNode changes ne to state to, with its timestamps and data, and records
// its event (the row is written by flush, at the end of the transaction); a
// move the table does not allow is an error.
func (rs *runState) moveNode(ctx context.Context, ne *workflow.NodeExecution, to workflow.NodeState, c nodeChange) error {
	from := ne.State()
	if !slices.Contains(nodeMoves[from], to) {
		return fmt.Errorf("engine: node %s of execution %s cannot go from %s to %s", ne.NodeID, ne.ExecutionID, from, to)
	}
	t := now()
	switch to {
	case workflow.StateQueued:
		ne.QueuedAt = &t
	case workflow.StateRunning:
		ne.StartedAt, ne.InputData = &t, c.input
	case workflow.StateCompleted:
		ne.OutputData, ne.FinishedAt, ne.ErrorMessage = c.output, &t, nil
	case workflow.StateFailed, workflow.StateSkipped:
		ne.FinishedAt, ne.QueuedAt = &t, nil
		if c.msg != "" {
			m := clip(c.msg)
			ne.ErrorMessage = &m
		}
	}
	ne.Status = to.Stored()
	rs.dirty[ne.NodeID] = true // written once by flush, however many moves it made
	rs.evs = append(rs.evs, events.ForNode(*ne, c.cost))
	return nil
}

// flush writes every node execution moved since the last flush, once each
// (on Postgres, together with the transaction's events, in one round trip).
func (rs *runState) flush(ctx context.Context) error {
	var list []workflow.NodeExecution
	for _, id := range rs.g.Order {
		if rs.dirty[id] {
			list = append(list, *rs.nodes[id])
			delete(rs.dirty, id)
		}
	}
	return rs.tx.WriteNodeExecutions(ctx, list)
}

// moveExec changes the execution to status to, writes it and records its
// event. A final status sets the finish time, the message and the total
// cost (the sum of the generations recorded so far).
func (rs *runState) moveExec(ctx context.Context, to workflow.ExecutionStatus, msg string) error {
	from := rs.exec.Status
	if !slices.Contains(execMoves[from], to) {
		return fmt.Errorf("engine: execution %s cannot go from %s to %s", rs.exec.ID, from, to)
	}
	if to.Final() {
		total, err := rs.tx.SumGenerationCost(ctx, rs.exec.ID)
		if err != nil {
			return err
		}
		t := now()
		rs.exec.FinishedAt, rs.exec.TotalCost = &t, &total
		if msg != "" {
			m := clip(msg)
			rs.exec.ErrorMessage = &m
		}
	}
	rs.exec.Status = to
	rs.ended = rs.ended || to.Final()
	if err := rs.tx.UpdateExecution(ctx, rs.exec); err != nil {
		return err
	}
	rs.evs = append(rs.evs, events.ForExecution(rs.exec))
	return nil
}

// maxMessage bounds a stored error message (a panic's stack, an outside
// service's answer): enough to read, never a row's worth of megabytes.
const maxMessage = 4000

// clip shortens a message to maxMessage characters.
func clip(msg string) string {
	if r := []rune(msg); len(r) > maxMessage {
		return string(r[:maxMessage-1]) + "…"
	}
	return msg
}
