package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// sendTimeout bounds one send (FAL's own retries included); a claim older
// than claimStale with no handle saved belongs to a sender that stopped.
const (
	sendTimeout = 30 * time.Second
	claimStale  = sendTimeout + 15*time.Second
	// claimRecheck is how soon an attempt that found a slot being sent by
	// another looks again.
	claimRecheck = 500 * time.Millisecond
)

// sendTimeout is how long one send may take.
func (f FAL) sendTimeout() time.Duration {
	if f.SendTimeout > 0 {
		return min(f.SendTimeout, sendTimeout)
	}
	return sendTimeout
}

// slotOf finds slot i among the requests sent so far.
func slotOf(sent []workflow.OutsideRequest, i int) (workflow.OutsideRequest, bool) {
	for _, o := range sent {
		if o.Slot == i {
			return o, true
		}
	}
	return workflow.OutsideRequest{}, false
}

// send claims slot i and, when this attempt claimed it, sends request i
// and saves its handle on the slot. The input is made ready (the photo
// read and sized) before the claim, on the job's context: a cancel then
// stops it before anything is claimed. The send and the save outlive a
// cancel of the run (bounded by sendTimeout, which starts at the send): a
// request FAL accepted must be known, so the run's cancel can reach it.
// After the save the run is read again; one that ended meanwhile has the
// request cancelled here (the run's end read the requests before this one
// was saved, or this read sees that it ended). A request FAL refused frees
// its slot; one FAL may have accepted without our learning its id is LOST,
// never sent again.
func (f FAL) send(ctx context.Context, r *Run, i int, req Request) (workflow.OutsideRequest, error) {
	input := req.Input
	if req.Ready != nil {
		var err error
		if input, err = req.Ready(ctx); err != nil {
			return workflow.OutsideRequest{}, err
		}
	}
	if ctx.Err() != nil {
		return workflow.OutsideRequest{}, context.Cause(ctx) // cancelled while the input was made ready: nothing was claimed
	}
	o, mine, err := r.Requests.Claim(ctx, i, req.Endpoint, req.PlannedUSD)
	switch {
	case errors.Is(err, ErrRunEnded):
		return o, err
	case err != nil:
		return o, Retryable(fmt.Errorf("claim FAL request %d: %w", i+1, err))
	case !mine:
		return o, nil // another attempt claimed it first: handleOf says what to do
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), f.sendTimeout())
	defer cancel()
	h, err := f.Client.Submit(sctx, req.Endpoint, input)
	if err != nil {
		if fal.MayHaveAccepted(err) {
			_, _ = r.Requests.Lose(sctx, i, o.ClaimedBy, 0)
			return o, lostError(i, err)
		}
		return o, f.unclaim(sctx, r, i, falError(err))
	}
	handle, _ := json.Marshal(h)
	saved, err := r.Requests.Save(sctx, i, handle)
	if err != nil || !saved {
		_, _ = f.Client.Cancel(sctx, h) // nobody could find it again: stop it at FAL
		if err != nil {
			return o, Retryable(fmt.Errorf("save FAL request id: %w", err))
		}
		return o, lostError(i, fmt.Errorf("it took longer than %s to send", claimStale))
	}
	if live, err := r.Requests.Live(sctx); err == nil && !live {
		if answer, err := f.Client.Cancel(sctx, h); err == nil {
			_ = r.Requests.End(sctx, i, answer)
		}
		return o, ErrRunEnded
	}
	f.watch(h, job.Waker(ctx), r)
	o.State, o.Handle = workflow.RequestSubmitted, handle
	return o, nil
}

// unclaim frees slot i after FAL refused its request outright, trying a
// few times (a slot left claimed would be lost for good), and returns
// cause.
func (f FAL) unclaim(ctx context.Context, r *Run, i int, cause error) error {
	var err error
	for range 3 {
		if err = r.Requests.Unclaim(ctx, i); err == nil {
			return cause
		}
	}
	return Retryable(fmt.Errorf("free FAL request %d after %v: %w", i+1, cause, err))
}

// handleOf is the FAL handle of a claimed slot: the saved one, or a wait
// while another attempt sends it, or the end of the node when the request
// was lost or cancelled.
func (f FAL) handleOf(ctx context.Context, r *Run, o workflow.OutsideRequest) (fal.Handle, error) {
	var h fal.Handle
	switch o.State {
	case workflow.RequestSubmitted:
		if err := json.Unmarshal(o.Handle, &h); err != nil || h.RequestID == "" {
			return h, fmt.Errorf("fal: the saved request %d cannot be read", o.Slot+1)
		}
		return h, nil
	case workflow.RequestSubmitting:
		lost, err := r.Requests.Lose(ctx, o.Slot, o.ClaimedBy, claimStale)
		if err != nil {
			return h, Retryable(fmt.Errorf("mark FAL request %d lost: %w", o.Slot+1, err))
		}
		if !lost {
			return h, Wait(claimRecheck) // its sender is at work (or just saved it): read what it saves
		}
		return h, lostError(o.Slot, fmt.Errorf("its sender stopped before saving its id"))
	case workflow.RequestLost:
		return h, lostError(o.Slot, fmt.Errorf("its sender stopped before saving its id"))
	}
	return h, fmt.Errorf("fal: request %d was cancelled when its run ended", o.Slot+1)
}

// lostError ends a node whose request FAL may have accepted without our
// learning its id: it is never sent again, so it is never paid twice.
func lostError(slot int, cause error) error {
	return fmt.Errorf("FAL may have accepted request %d, but its id was not saved (%v); it is not sent again, "+
		"so it is never paid twice, and it counts against the budget at its planned cost: run the node again to make it", slot+1, cause)
}
