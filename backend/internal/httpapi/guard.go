package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// Local says who may call a server in local mode, where every caller acts
// as the one local user: only requests addressed to one of Hosts (so a web
// page cannot reach the server through DNS rebinding; none means any host,
// for an operator who allowed the network), and, for changes, only from the
// server's own origin or one of Origins (so a page cannot post to it across
// sites).
type Local struct {
	On      bool
	Hosts   []string // "127.0.0.1:8000", "localhost:8000"
	Origins []string // the dev server's origins
}

// localGuard enforces Local when it is on (local mode).
func localGuard(l Local, log *slog.Logger, next http.Handler) http.Handler {
	if !l.On {
		return next
	}
	hosts, origins := set(l.Hosts), set(l.Origins)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.ToLower(r.Host)
		if len(hosts) > 0 && !hosts[host] {
			writeRaw(w, log, fault.Forbidden("this server answers only to %s (local mode, no sign-in)", l.Hosts[0]))
			return
		}
		o := strings.ToLower(r.Header.Get("Origin"))
		same := o == "http://"+host || o == "https://"+host
		if o != "" && r.Method != http.MethodGet && r.Method != http.MethodHead && !same && !origins[o] {
			writeRaw(w, log, fault.Forbidden("requests from %s may not change anything here (local mode, no sign-in)", o))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// set lowercases a list into a set.
func set(list []string) map[string]bool {
	out := make(map[string]bool, len(list))
	for _, s := range list {
		out[strings.ToLower(s)] = true
	}
	return out
}

// refuseNUL answers 422, naming the field, for a JSON body whose strings
// hold a NUL character, which Postgres cannot store: both databases then
// behave the same, and nothing is half-saved.
func refuseNUL(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || !strings.Contains(r.Header.Get("Content-Type"), "json") {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			writeRaw(w, log, fault.TooLarge("the request body is too large"))
			return
		}
		if bytes.Contains(body, []byte(`\u0000`)) {
			if at := nulAt(body); at != "" {
				msg := "must not contain a NUL character"
				writeRaw(w, log, fault.Invalid(fmt.Sprintf("%s %s", at, msg), fault.Field{Location: at, Message: msg}))
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// nulAt finds the first string (key or value) holding a NUL and returns its
// location ("nodes[0].config.value"), or "" when there is none.
func nulAt(body []byte) string {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return "" // not JSON: the handler reports that
	}
	var walk func(v any, at string) string
	walk = func(v any, at string) string {
		switch x := v.(type) {
		case string:
			if strings.ContainsRune(x, 0) {
				return at
			}
		case []any:
			for i, e := range x {
				if found := walk(e, fmt.Sprintf("%s[%d]", at, i)); found != "" {
					return found
				}
			}
		case map[string]any:
			for k, e := range x {
				loc := strings.TrimPrefix(at+"."+strings.ReplaceAll(k, "\x00", "\\u0000"), ".")
				if strings.ContainsRune(k, 0) {
					return loc
				}
				if found := walk(e, loc); found != "" {
					return found
				}
			}
		}
		return ""
	}
	return walk(v, "")
}

// writeRaw writes a coded error as problem+json outside huma.
func writeRaw(w http.ResponseWriter, log *slog.Logger, err error) {
	se := problem(log, err)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(se.GetStatus())
	_ = json.NewEncoder(w).Encode(se)
}
