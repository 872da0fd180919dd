// Package faltest is an in-process fake of FAL's queue API that answers as
// shared/protocols.md describes, for tests of the real client.
package faltest

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
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
	Submits   []Submit      // every accepted submission
	Cancelled []string      // request ids cancelled
	Reject422 string        // answer submits with 422 and this message
	Busy503   int           // answer this many status polls with 503 first
	Polls     int           // how many IN_PROGRESS answers before COMPLETED
	Hold      chan struct{} // when set, stay IN_PROGRESS until closed
	// CompleteAfter, when set, completes each request that long after its
	// submission (Done tells the instant), whatever Polls says.
	CompleteAfter time.Duration
	NoStream      bool // answer the status stream with 404, as an old FAL would
	statusSeen    map[string]int
	due           map[string]time.Time
}

// Submit is one request the fake received.
type Submit struct {
	Endpoint string
	Key      string
	Input    map[string]any
}

// New starts a fake FAL queue.
func New() *Server {
	s := &Server{Polls: 1, statusSeen: map[string]int{}, due: map[string]time.Time{}}
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
		parts := strings.Split(path, "/")
		s.Cancelled = append(s.Cancelled, parts[len(parts)-2])
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "CANCELLATION_REQUESTED"})
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
	if s.Reject422 != "" {
		w.WriteHeader(http.StatusUnprocessableEntity)
		_ = json.NewEncoder(w).Encode(map[string]any{"detail": []map[string]any{{"loc": []any{"body", "prompt"}, "msg": s.Reject422, "type": "value_error"}}})
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

// status answers IN_QUEUE, IN_PROGRESS (Polls times), then COMPLETED.
func (s *Server) status(w http.ResponseWriter, path string) {
	if s.Busy503 > 0 {
		s.Busy503--
		w.Header().Set("X-Fal-Error-Type", "runner_scheduling_failure")
		http.Error(w, `{"detail":"no runner","error_type":"runner_scheduling_failure"}`, http.StatusServiceUnavailable)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"status": s.statusOf(path), "queue_position": 0, "logs": []any{}})
}

// statusOf is a request's status now; each call counts as one poll.
func (s *Server) statusOf(path string) string {
	s.statusSeen[path]++
	n := s.statusSeen[path]
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

// result answers the model's output: images sized as asked.
func (s *Server) result(w http.ResponseWriter, path string) {
	parts := strings.Split(path, "/")
	id := parts[len(parts)-1]
	var in map[string]any
	for i, sub := range s.Submits {
		if fmt.Sprintf("req-%d", i+1) == id {
			in = sub.Input
		}
	}
	wd, ht := sizeOf(in["image_size"])
	n := 1
	if v, ok := in["num_images"].(float64); ok {
		n = int(v)
	}
	var images []map[string]any
	for i := range n {
		images = append(images, map[string]any{"url": fmt.Sprintf("%s/images/%dx%d/%s-%d.png", s.URL, wd, ht, id, i),
			"width": wd, "height": ht, "content_type": "image/png"})
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"images": images, "seed": 42, "has_nsfw_concepts": []bool{false}, "prompt": in["prompt"]})
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

// sizeOf maps FAL's image_size to pixels (small, for fast tests).
func sizeOf(v any) (int, int) {
	switch x := v.(type) {
	case map[string]any:
		w, _ := x["width"].(float64)
		h, _ := x["height"].(float64)
		return int(w) / 8, int(h) / 8
	case string:
		switch x {
		case "square_hd", "square":
			return 64, 64
		case "portrait_4_3":
			return 48, 64
		case "portrait_16_9":
			return 36, 64
		case "landscape_16_9":
			return 64, 36
		}
	}
	return 64, 48
}
