package executor

import (
	"context"
	"encoding/json"
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
// and saves its handle on the slot. The send and the save outlive a cancel
// of the run (bounded by sendTimeout): a request FAL accepted must be
// known, so the run's cancel can reach it; a run that ended meanwhile has
// it cancelled here. A request FAL refused frees its slot; one FAL may
// have accepted without our learning its id is LOST, never sent again.
func (f FAL) send(ctx context.Context, r *Run, i int, req Request) (workflow.OutsideRequest, error) {
	o, mine, err := r.Requests.Claim(ctx, i, req.Endpoint, req.PlannedUSD)
	if err != nil {
		return o, Retryable(fmt.Errorf("claim FAL request %d: %w", i+1, err))
	}
	if !mine {
		return o, nil // another attempt claimed it first: handleOf says what to do
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendTimeout)
	defer cancel()
	input := req.Input
	if req.Ready != nil {
		if input, err = req.Ready(sctx); err != nil {
			_ = r.Requests.Unclaim(sctx, i)
			return o, err
		}
	}
	h, err := f.Client.Submit(sctx, req.Endpoint, input)
	if err != nil {
		if fal.MayHaveAccepted(err) {
			_, _ = r.Requests.Lose(sctx, i, o.ClaimedBy)
			return o, lostError(i, err)
		}
		if uerr := r.Requests.Unclaim(sctx, i); uerr != nil {
			return o, Retryable(fmt.Errorf("free FAL request %d after %v: %w", i+1, err, uerr))
		}
		return o, falError(err)
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
	if ctx.Err() != nil { // the run ended while it was sent: its cancel may not have seen it
		if answer, err := f.Client.Cancel(sctx, h); err == nil {
			_ = r.Requests.End(sctx, i, answer)
		}
		return o, context.Cause(ctx)
	}
	f.watch(h, job.Waker(ctx), r)
	o.State, o.Handle = workflow.RequestSubmitted, handle
	return o, nil
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
		if time.Since(o.ClaimedAt) < claimStale {
			return h, Wait(claimRecheck) // its sender is at work: read what it saves
		}
		lost, err := r.Requests.Lose(ctx, o.Slot, o.ClaimedBy)
		if err != nil {
			return h, Retryable(fmt.Errorf("mark FAL request %d lost: %w", o.Slot+1, err))
		}
		if !lost {
			return h, Wait(0) // its sender saved it just now: read it
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
