package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// maxRescues is how often a node's process may die while running it before
// the node fails instead of running again (a node that crashes its process
// must not take it down over and over).
const maxRescues = 2

// Rescued records that a node's job was taken over from a process that died
// while running it; the second time, the node fails and its run ends.
func (e *Engine) Rescued(ctx context.Context, j Job) error {
	_, err := e.inTx(ctx, j.ExecutionID, func(rs *runState) error {
		ne := rs.nodes[j.NodeID]
		if ne == nil || rs.exec.Status.Final() || ne.Status.Final() {
			return nil
		}
		ne.Rescues++
		if ne.Rescues >= maxRescues {
			return e.failIn(ctx, rs, ne, fmt.Errorf("the server stopped %d times while running this node; it is not tried again (it may be what stops the server)", ne.Rescues))
		}
		return rs.tx.UpdateNodeExecution(ctx, *ne)
	})
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}

// Reconcile finds running executions that nothing can move forward (a node
// waits or runs, but no job exists for it any more) and ends them FAILED
// with a message naming the node, so no run stays RUNNING forever.
func (e *Engine) Reconcile(ctx context.Context) error {
	return e.reconcile(ctx, false)
}

// Repair is Reconcile for the start of a single-process install: a node
// left without its job (the process died between a commit and the insert of
// the job) gets a new job instead of failing its run.
func (e *Engine) Repair(ctx context.Context) error {
	return e.reconcile(ctx, true)
}

// reconcile looks at every running execution; repair enqueues lost jobs
// again, otherwise their runs fail.
func (e *Engine) reconcile(ctx context.Context, repair bool) error {
	ids, err := e.st.RunningExecutions(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	live, err := e.queue.Live(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := e.reconcileOne(ctx, id, live, repair); err != nil {
			e.log.Warn("engine: reconciling a run failed", "execution_id", id, "err", err)
		}
	}
	return nil
}

// reconcileOne ends (or repairs) one execution whose active nodes have no
// job; nodes that became active within the grace are left alone.
func (e *Engine) reconcileOne(ctx context.Context, id string, live map[Job]bool, repair bool) error {
	_, err := e.inTx(ctx, id, func(rs *runState) error {
		if rs.exec.Status != workflow.ExecRunning {
			return nil
		}
		var lost []string
		for _, nid := range rs.g.Order {
			ne := rs.nodes[nid]
			since := ne.QueuedAt
			if ne.State() == workflow.StateRunning {
				since = ne.StartedAt
			}
			active := ne.State() == workflow.StateQueued || ne.State() == workflow.StateRunning
			if active && !live[Job{ExecutionID: id, NodeID: nid}] && (repair || since == nil || time.Since(*since) > e.cfg.ReconcileGrace) {
				lost = append(lost, nid)
			}
		}
		if len(lost) == 0 {
			return e.advance(ctx, rs) // a run with nothing active moves on (or completes)
		}
		if repair {
			jobs := make([]Job, len(lost))
			for i, nid := range lost {
				jobs[i] = Job{ExecutionID: id, NodeID: nid}
			}
			return e.queue.Enqueue(ctx, rs.tx, jobs)
		}
		ne := rs.nodes[lost[0]]
		if ne.State() == workflow.StateQueued {
			if err := rs.moveNode(ctx, ne, workflow.StateRunning, nodeChange{}); err != nil {
				return err
			}
		}
		return e.failIn(ctx, rs, ne, fmt.Errorf("its job was lost (the server stopped while it waited); the run was ended so it does not stay RUNNING"))
	})
	if fault.Is(err, fault.CodeNotFound) {
		return nil
	}
	return err
}
