package supabase

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/time/rate"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// asked is one cached answer of Supabase Auth about a token.
type asked struct {
	claims *claims
	err    error
	until  time.Time
}

// How long an answer is kept, how many are kept, and how often Supabase
// Auth may be asked (a flood of forged tokens must not become a flood of
// outbound calls).
const (
	askedFor       = 30 * time.Second
	askedMax       = 10_000
	askPerSecond   = 20
	askBurst       = 40
	askCallTimeout = 10 * time.Second
)

// askAuth is the brief's auth.get_user: Supabase Auth checks the token.
// Answers are cached briefly by the token's hash; calls are rate limited.
func (v *Verifier) askAuth(ctx context.Context, token string) (*claims, error) {
	key := sha256.Sum256([]byte(token))
	v.mu.Lock()
	if a, ok := v.asked[key]; ok && time.Now().Before(a.until) {
		v.mu.Unlock()
		return a.claims, a.err
	}
	if v.limiter == nil {
		v.limiter = rate.NewLimiter(askPerSecond, askBurst)
	}
	allowed := v.limiter.Allow()
	v.mu.Unlock()
	if !allowed {
		return nil, fault.Unavailable("too many sign-in checks at once; try again in a moment", nil)
	}
	c, err := v.callAuth(ctx, token)
	if _, coded := fault.As(err); coded {
		return nil, err // Supabase Auth could not answer: not cached
	}
	until := time.Now().Add(askedFor)
	if exp, ok := expiryOf(token); ok && exp.Before(until) {
		until = exp
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.asked == nil || len(v.asked) >= askedMax {
		v.asked = map[[32]byte]asked{}
	}
	v.asked[key] = asked{claims: c, err: err, until: until}
	return c, err
}

// callAuth asks GET /auth/v1/user about the token.
func (v *Verifier) callAuth(ctx context.Context, token string) (*claims, error) {
	ctx, cancel := context.WithTimeout(ctx, askCallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, v.URL+"/auth/v1/user", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("apikey", v.PublishableKey)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fault.Unavailable("Supabase Auth could not be reached to check your sign-in", err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 500 {
		return nil, fault.Unavailable("Supabase Auth could not check your sign-in just now", fmt.Errorf("HTTP %d", res.StatusCode))
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("Supabase Auth refused the token (HTTP %d)", res.StatusCode)
	}
	var u struct {
		ID           string         `json:"id"`
		Email        string         `json:"email"`
		Role         string         `json:"role"`
		UserMetadata map[string]any `json:"user_metadata"`
	}
	if err := json.NewDecoder(res.Body).Decode(&u); err != nil {
		return nil, fmt.Errorf("Supabase Auth answered something unreadable")
	}
	if u.Role != "authenticated" {
		return nil, fmt.Errorf("the token's role is %q, not authenticated", u.Role)
	}
	c := &claims{Email: u.Email, Role: u.Role, UserMetadata: u.UserMetadata}
	c.Subject = u.ID
	return c, nil
}

// expiryOf reads a token's exp without trusting it (only to shorten how
// long an answer about it is cached).
func expiryOf(token string) (time.Time, bool) {
	c := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(token, c); err != nil || c.ExpiresAt == nil {
		return time.Time{}, false
	}
	return c.ExpiresAt.Time, true
}
