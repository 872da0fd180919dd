// Package reddittest is an in-process fake of RapidAPI's reddit34 API.
package reddittest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Server is a fake reddit34. Set its knobs before use.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	Key      string           // the accepted X-RapidAPI-Key
	Posts    []map[string]any // the posts returned
	Limit429 int              // answer this many calls with 429 first
	// QuotaStatus, when set, answers every call with it (429, or 403 as
	// some plans do) and RapidAPI's used-up quota message.
	QuotaStatus int
	Calls       []string // request URIs received
}

// New starts a fake with a few posts about sneakers.
func New(key string) *Server {
	s := &Server{Key: key, Posts: []map[string]any{
		{"title": "Retro sneakers are back in 2026", "score": 5400, "url": "https://example.com/1", "num_comments": 320, "permalink": "/r/sneakers/1", "created_utc": 1.7e9},
		{"title": "My retro sneakers collection", "score": 1200, "url": "https://example.com/2", "num_comments": 80, "permalink": "/r/sneakers/2", "created_utc": 1.7e9},
		{"title": "Running shoes vs retro sneakers", "score": 300, "url": "https://example.com/3", "num_comments": 45, "permalink": "/r/sneakers/3", "created_utc": 1.7e9},
	}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// serve answers getPostsBySubreddit and getTopPostsBySubreddit.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Calls = append(s.Calls, r.URL.RequestURI())
	if r.Header.Get("X-RapidAPI-Key") != s.Key || r.Header.Get("X-RapidAPI-Host") == "" {
		http.Error(w, `{"message":"You are not subscribed to this API."}`, http.StatusForbidden)
		return
	}
	if s.QuotaStatus != 0 {
		w.Header().Set("X-Ratelimit-Requests-Limit", "50")
		w.Header().Set("X-Ratelimit-Requests-Remaining", "0")
		w.WriteHeader(s.QuotaStatus)
		_, _ = w.Write([]byte(`{"message":"You have exceeded the MONTHLY quota for Requests on your current plan, BASIC. Upgrade your plan at https://rapidapi.com/sparior/api/reddit34"}`))
		return
	}
	if s.Limit429 > 0 {
		s.Limit429--
		w.Header().Set("Retry-After", "0")
		http.Error(w, `{"message":"Too many requests"}`, http.StatusTooManyRequests)
		return
	}
	q := r.URL.Query()
	switch {
	case r.URL.Path == "/getPostsBySubreddit" && (q.Get("sort") == "hot" || q.Get("sort") == "new"):
	case r.URL.Path == "/getTopPostsBySubreddit" && strings.Contains("|hour|day|week|month|year|all|", "|"+q.Get("time")+"|") && q.Get("time") != "":
	default: // only what reddit34 documents
		http.Error(w, `{"message":"Bad request"}`, http.StatusBadRequest)
		return
	}
	if r.URL.Query().Get("subreddit") == "doesnotexist" {
		_ = json.NewEncoder(w).Encode(map[string]any{"success": false, "data": "subreddit not found"})
		return
	}
	var posts []map[string]any
	for _, p := range s.Posts {
		posts = append(posts, map[string]any{"kind": "t3", "data": p})
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"success": true, "data": map[string]any{"cursor": "c", "posts": posts}})
}
