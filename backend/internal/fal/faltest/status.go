package faltest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// cancel answers a PUT {cancel_url} as FAL does: OK for a request still
// in the queue, CANCELLATION_REQUESTED for one running, ALREADY_COMPLETED
// for one done, and 404 NOT_FOUND for a request it never had. Each cancel
// is recorded and signalled.
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
	s.signal("cancel", id)
	answer := map[string]string{"IN_QUEUE": "OK", "IN_PROGRESS": "CANCELLATION_REQUESTED", "COMPLETED": "ALREADY_COMPLETED"}[s.peek(requestPath+"/status")]
	_ = json.NewEncoder(w).Encode(map[string]string{"status": answer})
}

// status answers IN_QUEUE, IN_PROGRESS (Polls times), then COMPLETED.
func (s *Server) status(w http.ResponseWriter, path string) {
	s.Calls["status"]++
	s.signal("status", requestID(path))
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
	s.signal("stream", requestID(statusPath))
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.signal("stream-end", requestID(statusPath))
		s.mu.Unlock()
	}()
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
