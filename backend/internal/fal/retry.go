package fal

import (
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// retryable are the statuses FAL's official client retries on every call
// (fal-js libs/client/src/retry.ts: DEFAULT_RETRYABLE_STATUS_CODES =
// [429, 502, 503, 504]). A 504 whose x-fal-request-timeout-type is "user"
// is the caller's own deadline and is not retried (retry.ts, isUserTimeout).
var retryable = map[int]bool{429: true, 502: true, 503: true, 504: true}

// retryPolicy is how one kind of call is retried, as fal-js's queue.ts
// configures it.
type retryPolicy struct {
	retries int  // retries after the first try
	with500 bool // a 500 is retried too (status checks only)
}

// The policies of fal-js queue.ts: QUEUE_RETRY_CONFIG (maxRetries 3) for
// submit and result, QUEUE_STATUS_RETRY_CONFIG (maxRetries 5, plus 500)
// for status, none for cancel. Waits are 1 s x 2^n, +-25% jitter, at most
// 30 s: a submit or result gives up after about 7 s, a status after 31 s.
var (
	queueRetry  = retryPolicy{retries: 3}
	statusRetry = retryPolicy{retries: 5, with500: true}
	noRetry     = retryPolicy{}
)

// maxWait caps one wait (fal-js: maxDelay 30000 ms).
const maxWait = 30 * time.Second

// next says whether a failed try is retried and after how long: FAL's
// Retry-After when it sends one (capped), else the backoff with jitter.
func (p retryPolicy) next(attempt int, err error, res *http.Response, base time.Duration) (time.Duration, bool) {
	var fe *Error
	if attempt >= p.retries || !errors.As(err, &fe) || !(fe.Retryable || p.with500 && fe.Status == 500) {
		return 0, false
	}
	if res != nil {
		if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && s >= 0 {
			return min(time.Duration(s)*time.Second, maxWait), true
		}
	}
	if base <= 0 {
		base = time.Second
	}
	wait := min(base<<attempt, maxWait)
	jitter := 0.75 + rand.Float64()/2 // +-25%
	return time.Duration(float64(wait) * jitter), true
}
