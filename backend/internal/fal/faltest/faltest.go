// Package faltest is an in-process fake of FAL's queue API that answers as
// shared/protocols.md describes, for tests of the real client.
package faltest

import (
	"encoding/json"
	"fmt"
	_ "image/jpeg" // photos sent as data URIs
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Server is a fake FAL queue. Set its knobs before use.
type Server struct {
	*httptest.Server
	mu        sync.Mutex
	Submits   []Submit      // every accepted submission
	Cancelled []string      // request ids cancelled
	Reject422 string        // answer submits with 422 and this message
	Busy503   int           // answer this many status polls with 503 first
	Polls     int           // how many IN_PROGRESS answers before COMPLETED
	Hold      chan struct{} // when set, stay IN_PROGRESS until closed
	// CompleteAfter, when set, completes each request that long after its
	// submission (Done tells the instant), whatever Polls says.
	CompleteAfter time.Duration
	// Latency, when set, completes the n-th accepted request (from 1) that
	// long after its submission (0: at once), whatever Polls says.
	Latency func(n int) time.Duration
	// SubmitDelay, when set, holds each submit's answer that long (the
	// network and FAL's own work), without holding up other calls.
	SubmitDelay func() time.Duration
	NoStream    bool // answer the status stream with 404, as an old FAL would
	// NSFW flags the images at these indexes in has_nsfw_concepts.
	NSFW []bool
	// NoBillableUnits leaves x-fal-billable-units out of results.
	NoBillableUnits bool
	// SubmitErrors and ResultErrors answer that many submits (result
	// fetches) with these statuses first, in order; a 504 carries
	// TimeoutType in x-fal-request-timeout-type.
	SubmitErrors, ResultErrors []int
	TimeoutType                string
	// Calls counts every call by kind: "submit", "status", "stream",
	// "result", "cancel" (read it with Count while requests may arrive).
	Calls      map[string]int
	signals    map[string][]chan string
	statusSeen map[string]int
	due        map[string]time.Time
}

// Signal returns a channel that receives the request id of every later
// call of kind ("submit" once accepted, "status", "stream", "stream-end"
// when a status stream closes, "result", "cancel"): tests wait on it
// instead of polling. It holds 1000; more are dropped.
func (s *Server) Signal(kind string) <-chan string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan string, 1000)
	s.signals[kind] = append(s.signals[kind], ch)
	return ch
}

// signal tells the channels of kind of a call about request id (the
// caller holds s.mu).
func (s *Server) signal(kind, id string) {
	for _, ch := range s.signals[kind] {
		select {
		case ch <- id:
		default:
		}
	}
}

// Count says how many calls of kind the fake has answered so far.
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Calls[kind]
}

// Sent is a copy of every accepted submission so far (safe while
// requests may arrive).
func (s *Server) Sent() []Submit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Submit(nil), s.Submits...)
}

// Submit is one request the fake received.
type Submit struct {
	Endpoint string
	Key      string
	Input    map[string]any
}

// New starts a fake FAL queue.
func New() *Server {
	s := &Server{Polls: 1, statusSeen: map[string]int{}, due: map[string]time.Time{}, Calls: map[string]int{},
		signals: map[string][]chan string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// serve routes one call.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/")
	if r.Method == http.MethodPost && s.SubmitDelay != nil {
		time.Sleep(s.SubmitDelay()) // an answer on its way: the caller waits for it
	}
	if strings.HasSuffix(path, "/status/stream") {
		s.stream(w, r, strings.TrimSuffix(path, "/stream"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case strings.HasPrefix(path, "images/"):
		s.image(w, path)
	case r.Method == http.MethodPost:
		s.submit(w, r, path)
	case strings.HasSuffix(path, "/status"):
		s.status(w, path)
	case strings.HasSuffix(path, "/cancel") && r.Method == http.MethodPut:
		s.cancel(w, strings.TrimSuffix(path, "/cancel"))
	default:
		s.result(w, path)
	}
}

// submit answers a POST {queue}/{model} with the request's URLs.
func (s *Server) submit(w http.ResponseWriter, r *http.Request, endpoint string) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Key ") {
		http.Error(w, `{"detail":"missing key"}`, http.StatusUnauthorized)
		return
	}
	var in map[string]any
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, `{"detail":"body is not JSON"}`, http.StatusBadRequest)
		return
	}
	s.Calls["submit"]++
	if s.failFirst(w, &s.SubmitErrors) {
		return
	}
	if !known(endpoint) {
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]any{"detail": fmt.Sprintf("application %q not found", endpoint)})
		return
	}
	errs := validate(endpoint, in)
	if s.Reject422 != "" {
		errs = append(errs, fieldError{Loc: []any{"body", "prompt"}, Msg: s.Reject422, Type: "value_error"})
	}
	if len(errs) > 0 {
		w.WriteHeader(http.StatusUnprocessableEntity)
		_ = json.NewEncoder(w).Encode(map[string]any{"detail": errs})
		return
	}
	id := fmt.Sprintf("req-%d", len(s.Submits)+1)
	s.Submits = append(s.Submits, Submit{Endpoint: endpoint, Key: r.Header.Get("Authorization"), Input: in})
	if s.CompleteAfter > 0 {
		s.due[id] = time.Now().Add(s.CompleteAfter)
	}
	if s.Latency != nil {
		s.due[id] = time.Now().Add(s.Latency(len(s.Submits)))
	}
	s.signal("submit", id)
	// Like FAL, the status URLs drop the model's sub-path.
	base := s.URL + "/" + strings.Join(strings.Split(endpoint, "/")[:2], "/") + "/requests/" + id
	_ = json.NewEncoder(w).Encode(map[string]any{"request_id": id, "status_url": base + "/status",
		"response_url": base, "cancel_url": base + "/cancel", "status": "IN_QUEUE", "queue_position": 0})
}
