package httpapi

import (
	"errors"
	"io"
	"net/http"
	"time"
)

// releaseReadDeadline clears the connection's read deadline once a
// request's body has been read whole. Huma sets one before it reads a body
// (its BodyReadTimeout, 5 s), and net/http goes on reading the connection
// in the background while the handler runs, to notice a client that left.
// With the deadline still set, a handler that runs longer than it (a
// preview queued behind others, a run started under load) makes that read
// time out, which cancels the request's context and the context of every
// later request on the same keep-alive connection (golang/go#70834): the
// next request of that browser fails at once. The body's own read stays
// bounded by the deadline; only what follows it is freed.
func releaseReadDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			rc := http.NewResponseController(w)
			r.Body = &eofBody{ReadCloser: r.Body, atEOF: func() { _ = rc.SetReadDeadline(time.Time{}) }}
		}
		next.ServeHTTP(w, r)
	})
}

// eofBody is a request body that calls atEOF when it has been read whole.
type eofBody struct {
	io.ReadCloser
	atEOF func()
	done  bool
}

// Read reads the body, calling atEOF once at its end.
func (b *eofBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if errors.Is(err, io.EOF) && !b.done {
		b.done = true
		b.atEOF()
	}
	return n, err
}
