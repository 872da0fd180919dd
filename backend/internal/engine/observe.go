package engine

import (
	"context"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Observer is told of every run and node execution that reached its final
// status, by the process that recorded it, right after the transaction
// that recorded it committed (never for one rolled back): each end is told
// once, in one process, so counts summed over replicas add up. Its methods
// run on the engine's path and must return at once.
type Observer interface {
	RunEnded(status workflow.ExecutionStatus)
	NodeEnded(end NodeEnd)
}

// NodeEnd is a node execution that reached its final status.
type NodeEnd struct {
	Type   workflow.NodeType
	Status workflow.NodeStatus
	// Ran is how long it was RUNNING, from started_at to finished_at as
	// recorded (a node quicker than claimAfter is marked RUNNING when its
	// result is recorded, so its time is near zero); Started is false for
	// a node that never ran (most SKIPPED ones).
	Ran     time.Duration
	Started bool
}

// publish sends rs's events with its transaction and, once it commits,
// tells the observer of the runs and nodes that ended in it (before the
// events reach this process's subscribers).
func (e *Engine) publish(ctx context.Context, rs *runState) error {
	if obs := e.cfg.Observer; obs != nil {
		runs, nodes := endsOf(rs)
		if len(runs)+len(nodes) > 0 {
			rs.tx.OnCommit(func() {
				for _, s := range runs {
					obs.RunEnded(s)
				}
				for _, n := range nodes {
					obs.NodeEnded(n)
				}
			})
		}
	}
	return e.pub.Publish(ctx, rs.tx, rs.evs...)
}

// endsOf lists the final statuses rs's events record: a final status has
// no move out of it, so each node's and run's end is in one transaction's
// events only.
func endsOf(rs *runState) (runs []workflow.ExecutionStatus, nodes []NodeEnd) {
	for _, ev := range rs.evs {
		switch {
		case ev.NodeID == "" && ev.Exec.Final():
			runs = append(runs, ev.Exec)
		case ev.NodeID != "" && ev.Node.Final():
			end := NodeEnd{Type: rs.g.Nodes[ev.NodeID].Type, Status: ev.Node}
			if ne := rs.nodes[ev.NodeID]; ne != nil && ne.StartedAt != nil && ne.FinishedAt != nil {
				end.Ran, end.Started = max(ne.FinishedAt.Sub(*ne.StartedAt), 0), true
			}
			nodes = append(nodes, end)
		}
	}
	return runs, nodes
}
