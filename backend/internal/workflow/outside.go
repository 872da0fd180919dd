package workflow

import (
	"encoding/json"
	"time"
)

// RequestState is where one outside request of a node stands. A request
// only moves forward: SUBMITTING (its slot is claimed, the request is
// being sent) -> SUBMITTED (the service accepted it; its handle is saved)
// -> CANCELLED (the run ended first and the service was told); or
// SUBMITTING -> LOST (its sender stopped before saving the handle: the
// service may have accepted it, so it is never sent again). A claim whose
// request the service refused outright is deleted, so a retry may send it.
type RequestState string

// The states of an outside request (the database's CHECK lists the same).
const (
	RequestSubmitting RequestState = "SUBMITTING"
	RequestSubmitted  RequestState = "SUBMITTED"
	RequestCancelled  RequestState = "CANCELLED"
	RequestLost       RequestState = "LOST"
)

// RequestStates lists every request state, for agreement tests.
var RequestStates = []RequestState{RequestSubmitting, RequestSubmitted, RequestCancelled, RequestLost}

// OutsideRequest is one request a paid node sends to an outside service
// (FAL), in its slot: its place in the node's plan.
type OutsideRequest struct {
	NodeExecutionID string
	// NodeID is the node the request belongs to (filled by run-wide reads).
	NodeID   string
	Slot     int
	Endpoint string
	State    RequestState
	// PlannedUSD is what the request is planned to cost (nil for requests
	// saved by earlier versions).
	PlannedUSD *float64
	// Handle is the service's handle of the accepted request (opaque here).
	Handle json.RawMessage
	// ClaimedBy names the attempt that claimed the slot; ClaimedAt is when.
	ClaimedBy string
	ClaimedAt time.Time
	// Answer is what the service said to a cancel.
	Answer *string
}
