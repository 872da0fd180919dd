package executor

import "time"

// FALTimes is told how long FAL took over each request of a node: from the
// request's claim, saved with it just before it was sent (so the time holds
// across attempts, processes and replicas), to the attempt that found every
// request of the node done; it is told once their results were collected,
// so a node's requests are timed once.
type FALTimes interface {
	FALDone(endpoint string, took time.Duration)
}

// timed tells f.Times how long each request took until done.
func (f FAL) timed(reqs []Request, claimed []time.Time, done time.Time) {
	if f.Times == nil {
		return
	}
	for i, req := range reqs {
		if !claimed[i].IsZero() {
			f.Times.FALDone(req.Endpoint, max(done.Sub(claimed[i]), 0))
		}
	}
}
