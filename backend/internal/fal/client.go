// Package fal is a client of FAL AI's queue API: submit a request, poll its
// status, fetch the result, cancel it (see shared/protocols.md).
package fal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptrace"
	neturl "net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Client talks to the FAL queue.
type Client struct {
	BaseURL string // https://queue.fal.run
	Key     string // FAL_KEY; it never leaves the server
	// Backoff is the first wait before a retry, doubled each time (FAL's
	// client: 1 s); tests shorten it.
	Backoff time.Duration
}

// Result is a finished request's output and the quantity FAL billed for
// it (x-fal-billable-units, in the endpoint's unit), when FAL said.
type Result struct {
	Body          json.RawMessage
	BillableUnits *float64
}

// Handle identifies a submitted request by the URLs FAL returned.
type Handle struct {
	RequestID   string `json:"request_id"`
	StatusURL   string `json:"status_url"`
	ResponseURL string `json:"response_url"`
	CancelURL   string `json:"cancel_url"`
}

// Error is an answer FAL gave that is not a success, or a call that got
// no answer.
type Error struct {
	Status    int
	Message   string
	Retryable bool
	// Unsure says a submit may have reached FAL although no answer came
	// back (the connection broke after the request was written, or the
	// answer could not be read): FAL may have accepted it.
	Unsure bool
}

// MayHaveAccepted reports whether a failed submit may still have been
// accepted by FAL (so sending it again could pay twice).
func MayHaveAccepted(err error) bool {
	var fe *Error
	return errors.As(err, &fe) && fe.Unsure
}

// Error returns FAL's message with its status.
func (e *Error) Error() string { return fmt.Sprintf("fal: %s (HTTP %d)", e.Message, e.Status) }

// Submit queues a request to endpoint (such as fal-ai/flux/schnell).
func (c *Client) Submit(ctx context.Context, endpoint string, input any) (Handle, error) {
	body, err := json.Marshal(input)
	if err != nil {
		return Handle{}, err
	}
	var h Handle
	if _, err := c.do(ctx, http.MethodPost, c.BaseURL+"/"+endpoint, body, queueRetry, &h); err != nil {
		return Handle{}, fmt.Errorf("fal: submit %s: %w", endpoint, err)
	}
	if h.RequestID == "" || h.StatusURL == "" || h.ResponseURL == "" {
		return Handle{}, &Error{Status: http.StatusOK, Unsure: true, Message: fmt.Sprintf("submit %s: the answer has no request_id or URLs", endpoint)}
	}
	return h, nil
}

// Poll asks once how the request is doing. It returns the result when FAL
// has finished it, or nil while it waits or runs.
func (c *Client) Poll(ctx context.Context, h Handle) (*Result, error) {
	var st struct {
		Status string `json:"status"`
	}
	if _, err := c.do(ctx, http.MethodGet, h.StatusURL+"?logs=1", nil, statusRetry, &st); err != nil {
		return nil, fmt.Errorf("fal: status of %s: %w", h.RequestID, err)
	}
	switch st.Status {
	case "IN_QUEUE", "IN_PROGRESS":
		return nil, nil
	case "COMPLETED":
		res := &Result{}
		hdr, err := c.do(ctx, http.MethodGet, h.ResponseURL, nil, queueRetry, &res.Body)
		if err != nil {
			return nil, fmt.Errorf("fal: result of %s: %w", h.RequestID, err)
		}
		if u, err := strconv.ParseFloat(hdr.Get("x-fal-billable-units"), 64); err == nil && u >= 0 && !math.IsInf(u, 0) {
			res.BillableUnits = &u
		}
		return res, nil
	}
	return nil, fmt.Errorf("fal: request %s ended with unknown status %q", h.RequestID, st.Status)
}

// Cancel asks FAL to stop a request (not billed if it had not run) and
// answers FAL's word: OK, CANCELLATION_REQUESTED, ALREADY_COMPLETED or
// NOT_FOUND (FAL answers the last with a 404 or in the body).
func (c *Client) Cancel(ctx context.Context, h Handle) (string, error) {
	if h.CancelURL == "" {
		return "", nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var answer struct {
		Status string `json:"status"`
	}
	if _, err := c.do(ctx, http.MethodPut, h.CancelURL, nil, noRetry, &answer); err != nil {
		var fe *Error
		if errors.As(err, &fe) && fe.Status == http.StatusNotFound {
			return "NOT_FOUND", nil
		}
		return "", fmt.Errorf("fal: cancel %s: %w", h.RequestID, err)
	}
	return answer.Status, nil
}

// do sends one call with the key, retrying as policy says (see retry.go),
// decodes a 2xx answer into out and returns its headers.
func (c *Client) do(ctx context.Context, method, url string, body []byte, policy retryPolicy, out any) (http.Header, error) {
	if err := c.ours(url); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		var sent atomic.Bool // the whole request was written: FAL may have it
		trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) { sent.Store(i.Err == nil) }}
		req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), method, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Key "+c.Key)
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		var last error
		res, err := c.client().Do(req)
		if err != nil {
			if method == http.MethodPost && sent.Load() {
				// A submit that may have reached FAL is never sent again.
				return nil, &Error{Message: err.Error(), Unsure: true}
			}
			if ctx.Err() != nil {
				return nil, context.Cause(ctx)
			}
			last = &Error{Message: err.Error(), Retryable: true}
		} else if last = decode(res, out); last == nil {
			return res.Header, nil
		}
		if fe, ok := last.(*Error); ok && fe.Unsure && method == http.MethodPost {
			return nil, last // FAL may have accepted it: never sent again
		}
		wait, retry := policy.next(attempt, last, res, c.Backoff)
		if !retry {
			return nil, last
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait+time.Second {
			return nil, fmt.Errorf("%w; FAL asks to wait %s, longer than the node has left", last, wait.Round(time.Second))
		}
		select {
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		case <-time.After(wait):
		}
	}
}

// decode reads a 2xx answer into out, or FAL's error message.
func decode(res *http.Response, out any) error {
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 32<<20))
	if err != nil {
		return &Error{Status: res.StatusCode, Message: "reading the answer: " + err.Error(), Retryable: true,
			Unsure: res.StatusCode/100 == 2}
	}
	if res.StatusCode/100 == 2 {
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(b, out); err != nil {
			return &Error{Status: res.StatusCode, Message: "the answer is not valid JSON", Unsure: true}
		}
		return nil
	}
	retry := retryable[res.StatusCode] && !(res.StatusCode == 504 && strings.EqualFold(res.Header.Get("x-fal-request-timeout-type"), "user"))
	return &Error{Status: res.StatusCode, Message: errorMessage(b, res), Retryable: retry}
}

// errorMessage extracts FAL's "detail" (a string or a list of {loc, msg}).
func errorMessage(b []byte, res *http.Response) string {
	var e struct {
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(b, &e) == nil && len(e.Detail) > 0 {
		var s string
		if json.Unmarshal(e.Detail, &s) == nil {
			return s
		}
		var list []struct {
			Loc []any  `json:"loc"`
			Msg string `json:"msg"`
		}
		if json.Unmarshal(e.Detail, &list) == nil && len(list) > 0 {
			parts := make([]string, len(list))
			for i, d := range list {
				loc := make([]string, len(d.Loc))
				for j, l := range d.Loc {
					loc[j] = fmt.Sprint(l)
				}
				parts[i] = strings.Join(loc, ".") + ": " + d.Msg
			}
			return strings.Join(parts, "; ")
		}
	}
	if t := res.Header.Get("X-Fal-Error-Type"); t != "" {
		return t
	}
	return http.StatusText(res.StatusCode)
}

// ours refuses a URL outside the configured FAL queue's host: the key is
// sent only there, whatever address FAL's answers name.
func (c *Client) ours(raw string) error {
	base, err := neturl.Parse(c.BaseURL)
	if err != nil {
		return fmt.Errorf("fal: bad FAL_QUEUE_BASE_URL: %w", err)
	}
	u, err := neturl.Parse(raw)
	if err != nil || u.Scheme != base.Scheme || !strings.EqualFold(u.Host, base.Host) {
		return &Error{Message: fmt.Sprintf("FAL named an address outside %s; the key is not sent there", base.Host)}
	}
	return nil
}

// client returns the HTTP client to use: one call may take a minute.
func (c *Client) client() *http.Client {
	return &http.Client{Timeout: 60 * time.Second}
}
