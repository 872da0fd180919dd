// Package faltest is an in-process fake of FAL's queue API that answers as
// shared/protocols.md describes, for tests of the real client.
package faltest

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // photos sent as data URIs
	"image/png"
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
	Submits   []Submit // every accepted submission
	Cancelled []string // request ids cancelled
	// CancelSeen, when set, receives each cancelled request id as it
	// arrives (a buffered channel: a full one drops the signal).
	CancelSeen chan string
	Reject422  string        // answer submits with 422 and this message
	Busy503    int           // answer this many status polls with 503 first
	Polls      int           // how many IN_PROGRESS answers before COMPLETED
	Hold       chan struct{} // when set, stay IN_PROGRESS until closed
	// CompleteAfter, when set, completes each request that long after its
	// submission (Done tells the instant), whatever Polls says.
	CompleteAfter time.Duration
	NoStream      bool // answer the status stream with 404, as an old FAL would
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
	statusSeen map[string]int
	due        map[string]time.Time
}

// Count says how many calls of kind the fake has answered so far.
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Calls[kind]
}

// Submit is one request the fake received.
type Submit struct {
	Endpoint string
	Key      string
	Input    map[string]any
}

// New starts a fake FAL queue.
func New() *Server {
	s := &Server{Polls: 1, statusSeen: map[string]int{}, due: map[string]time.Time{}, Calls: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// serve routes one call.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/")
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
	// Like FAL, the status URLs drop the model's sub-path.
	base := s.URL + "/" + strings.Join(strings.Split(endpoint, "/")[:2], "/") + "/requests/" + id
	_ = json.NewEncoder(w).Encode(map[string]any{"request_id": id, "status_url": base + "/status",
		"response_url": base, "cancel_url": base + "/cancel", "status": "IN_QUEUE", "queue_position": 0})
}

// cancel answers a PUT {cancel_url} as FAL does: OK for a request still
// in the queue, CANCELLATION_REQUESTED for one running, ALREADY_COMPLETED
// for one done, and 404 NOT_FOUND for a request it never had. Each cancel
// is recorded, and signalled on CancelSeen when set.
func (s *Server) cancel(w http.ResponseWriter, requestPath string) {
	id := requestID(requestPath + "/status")
	s.Calls["cancel"]++
	known := false
	for i := range s.Submits {
		known = known || fmt.Sprintf("req-%d", i+1) == id
	}
	if !known {
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "NOT_FOUND"})
		return
	}
	s.Cancelled = append(s.Cancelled, id)
	if s.CancelSeen != nil {
		select {
		case s.CancelSeen <- id:
		default:
		}
	}
	answer := map[string]string{"IN_QUEUE": "OK", "IN_PROGRESS": "CANCELLATION_REQUESTED", "COMPLETED": "ALREADY_COMPLETED"}[s.peek(requestPath+"/status")]
	_ = json.NewEncoder(w).Encode(map[string]string{"status": answer})
}

// status answers IN_QUEUE, IN_PROGRESS (Polls times), then COMPLETED.
func (s *Server) status(w http.ResponseWriter, path string) {
	s.Calls["status"]++
	if s.Busy503 > 0 {
		s.Busy503--
		w.Header().Set("X-Fal-Error-Type", "runner_scheduling_failure")
		http.Error(w, `{"detail":"no runner","error_type":"runner_scheduling_failure"}`, http.StatusServiceUnavailable)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"status": s.statusOf(path), "queue_position": 0, "logs": []any{}})
}

// peek is a request's status now, without counting a poll (as the next
// poll would see it, had it come).
func (s *Server) peek(path string) string { return s.statusAt(path, s.statusSeen[path]+1) }

// statusOf is a request's status now; each call counts as one poll.
func (s *Server) statusOf(path string) string {
	s.statusSeen[path]++
	return s.statusAt(path, s.statusSeen[path])
}

// statusAt is a request's status at its n-th poll.
func (s *Server) statusAt(path string, n int) string {
	st := "COMPLETED"
	if due, ok := s.due[requestID(path)]; ok {
		if time.Now().Before(due) {
			st = "IN_PROGRESS"
		}
	} else if s.Hold != nil {
		select {
		case <-s.Hold:
		default:
			st = "IN_PROGRESS"
		}
	} else if n == 1 {
		st = "IN_QUEUE"
	} else if n <= 1+s.Polls {
		st = "IN_PROGRESS"
	}
	return st
}

// requestID is the id in a status path (".../requests/<id>/status").
func requestID(statusPath string) string {
	parts := strings.Split(strings.TrimSuffix(statusPath, "/status"), "/")
	return parts[len(parts)-1]
}

// Done is when the request with id completes (for requests submitted with
// CompleteAfter set).
func (s *Server) Done(id string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.due[id]
}

// stream is FAL's status stream: a data line per status change, closed
// after COMPLETED; keep-alive comments in between.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, statusPath string) {
	if s.NoStream {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	s.Calls["stream"]++
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	last := ""
	for {
		s.mu.Lock()
		due, timed := s.due[requestID(statusPath)]
		st := s.statusOf(statusPath)
		s.mu.Unlock()
		if st != last {
			fmt.Fprintf(w, "data: {\"status\":%q,\"queue_position\":0}\n\n", st)
			last = st
		} else {
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		if flusher != nil {
			flusher.Flush()
		}
		if st == "COMPLETED" {
			return
		}
		wait := 20 * time.Millisecond
		if timed {
			wait = max(time.Until(due), 0)
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(wait):
		}
	}
}

// failFirst answers with the first of statuses, if any is left, and
// drops it; it reports whether it answered.
func (s *Server) failFirst(w http.ResponseWriter, statuses *[]int) bool {
	if len(*statuses) == 0 {
		return false
	}
	code := (*statuses)[0]
	*statuses = (*statuses)[1:]
	if code == http.StatusGatewayTimeout && s.TimeoutType != "" {
		w.Header().Set("X-Fal-Request-Timeout-Type", s.TimeoutType)
	}
	w.WriteHeader(code)
	_, _ = fmt.Fprintf(w, `{"detail":"failed with %d","error_type":"internal_error"}`, code)
	return true
}

// result answers the model's output: images of the size FAL makes (served
// at an eighth of it, for fast tests), has_nsfw_concepts, and the billed
// units in x-fal-billable-units.
func (s *Server) result(w http.ResponseWriter, path string) {
	s.Calls["result"]++
	if s.failFirst(w, &s.ResultErrors) {
		return
	}
	parts := strings.Split(path, "/")
	id := parts[len(parts)-1]
	var sub Submit
	for i, x := range s.Submits {
		if fmt.Sprintf("req-%d", i+1) == id {
			sub = x
		}
	}
	wd, ht := outputSize(sub.Endpoint, sub.Input)
	n := 1
	if v, ok := sub.Input["num_images"].(float64); ok {
		n = int(v)
	}
	images := []map[string]any{}
	nsfw := []bool{}
	for i := range n {
		images = append(images, map[string]any{"url": fmt.Sprintf("%s/images/%dx%d/%s-%d.png", s.URL, max(wd/8, 1), max(ht/8, 1), id, i),
			"width": wd, "height": ht, "content_type": "image/png"})
		nsfw = append(nsfw, i < len(s.NSFW) && s.NSFW[i])
	}
	if units, ok := billableUnits(sub.Endpoint, wd, ht, n); ok && !s.NoBillableUnits {
		w.Header().Set("X-Fal-Billable-Units", fmt.Sprint(units))
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"images": images, "seed": 42, "has_nsfw_concepts": nsfw, "prompt": sub.Input["prompt"]})
}

// image serves a PNG of the size in its name.
func (s *Server) image(w http.ResponseWriter, path string) {
	var wd, ht int
	_, _ = fmt.Sscanf(strings.TrimPrefix(path, "images/"), "%dx%d", &wd, &ht)
	if wd <= 0 || ht <= 0 {
		wd, ht = 64, 64
	}
	img := image.NewRGBA(image.Rect(0, 0, wd, ht))
	for y := range ht {
		for x := range wd {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	w.Header().Set("Content-Type", "image/png")
	_ = png.Encode(w, img)
}
