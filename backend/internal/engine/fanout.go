package engine

import (
	"context"
	"fmt"
	"math"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// limitOr is limit, or no limit for 0: the largest count a database
// integer holds, or a petabyte of bytes.
func limitOr[T int | int64](limit T) T {
	switch {
	case limit > 0:
		return limit
	case any(limit) == any(int(0)):
		return T(math.MaxInt32)
	}
	return T(1 << 50)
}

// fanout refuses a graph that would make more than one run may: more
// nodes, more final ads from one Output, or more final ads in all, than
// the server's run limits allow. It reads the graph as saved, so a graph
// written around the API is held to the same limits when it is run.
func (e *Engine) fanout(p *Plan) []problem {
	lim := e.cfg.Run
	var probs []problem
	if n := len(p.order); n > limitOr(lim.Nodes) {
		msg := fmt.Sprintf("the graph has %d nodes; a run may have at most %d on this server", n, lim.Nodes)
		probs = append(probs, problem{summary: msg, field: fault.Field{Location: "nodes", Message: msg}})
	}
	total := 0
	for _, pn := range p.order {
		if pn.cfg == nil {
			continue
		}
		most := pn.cfg.MostFinals()
		total += most
		if most > limitOr(lim.FinalsPerOutput) {
			msg := fmt.Sprintf("%q may deliver %d final ads; one Output may deliver at most %d on this server: choose fewer placements or images", pn.node.Name, most, lim.FinalsPerOutput)
			probs = append(probs, problem{summary: msg, field: fault.Field{Location: pn.at() + ".config.num_images", Message: msg}})
		}
	}
	if total > limitOr(lim.FinalsPerRun) {
		msg := fmt.Sprintf("the Outputs may deliver %d final ads in all; one run may deliver at most %d on this server: use fewer Outputs, placements or images", total, lim.FinalsPerRun)
		probs = append(probs, problem{summary: msg, field: fault.Field{Location: "nodes", Message: msg}})
	}
	return probs
}

// deliverer counts a run's final ads and their bytes as its Outputs write
// them, in the database, and refuses those that would pass the run's
// limits (several Outputs of a run, on any replica, share them) or the
// user's storage for run outputs (checked before each is written: runs of
// one user at once may pass it by what they write together meanwhile).
func (e *Engine) deliverer(executionID, user string) func(context.Context, int, int64) error {
	lim := e.cfg.Run
	return func(ctx context.Context, finals int, bytes int64) error {
		if used, err := e.st.OutputUsage(ctx, user); err != nil {
			return executor.Retryable(fmt.Errorf("count your stored ads: %w", err))
		} else if used+bytes > limitOr(lim.UserBytes) {
			return fmt.Errorf("your runs keep %d MB of images and ads, the most this server keeps for one user (%d MB): delete old workflows or runs to make room",
				used>>20, limitOr(lim.UserBytes)>>20)
		}
		ok, err := e.st.CountRunOutput(ctx, executionID, finals, bytes, limitOr(lim.FinalsPerRun), limitOr(lim.Bytes))
		if err != nil {
			return executor.Retryable(fmt.Errorf("count the run's final ads: %w", err))
		}
		if !ok {
			return fmt.Errorf("this run has written as many final ads as one run may on this server (%d ads, %d MB): deliver fewer (fewer Outputs, placements or images)",
				limitOr(lim.FinalsPerRun), limitOr(lim.Bytes)>>20)
		}
		return nil
	}
}
