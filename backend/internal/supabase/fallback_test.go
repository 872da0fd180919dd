package supabase

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// fakeProject is a fake Supabase project that publishes keys (none for a
// project on a shared HS256 secret) and answers GET /auth/v1/user as
// Supabase Auth does: the user for a token signed with secret (the secret
// only Supabase knows: a rotated one, or the previous one during a move to
// published keys), else 401 with {"code","error_code":"bad_jwt","msg"}.
func fakeProject(t *testing.T, secret string, keys []map[string]any, calls *atomic.Int32) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/auth/v1/.well-known/jwks.json" {
			_ = json.NewEncoder(w).Encode(map[string]any{"keys": append([]map[string]any{}, keys...)})
			return
		}
		calls.Add(1)
		raw, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return []byte(secret), nil }, jwt.WithValidMethods([]string{"HS256"}))
		if r.Header.Get("apikey") != "pk" || err != nil || !tok.Valid {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(401)
			_, _ = w.Write([]byte(`{"code":401,"error_code":"bad_jwt","msg":"invalid JWT: unable to parse or verify signature, token signature is invalid"}`))
			return
		}
		sub, _ := tok.Claims.GetSubject()
		_ = json.NewEncoder(w).Encode(map[string]any{"id": sub, "email": "b@example.com", "aud": "authenticated",
			"role": "authenticated", "app_metadata": map[string]any{}, "user_metadata": map[string]any{"full_name": "Bea"}})
	}))
	t.Cleanup(s.Close)
	return s
}

// hs signs an HS256 token for sub with secret and issuer.
func hs(t *testing.T, secret, iss, sub string) string {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "email": "b@example.com",
		"aud": "authenticated", "role": "authenticated", "iss": iss, "exp": time.Now().Add(time.Hour).Unix()}).SignedString([]byte(secret))
	require.NoError(t, err)
	return s
}

// TestRotatedSecretAndCaching: a token signed with a rotated secret (the
// configured one is old) is checked by Supabase Auth, whose answers are
// cached per token, forged ones included; calls are rate limited.
func TestRotatedSecretAndCaching(t *testing.T) {
	var calls atomic.Int32
	srv := fakeProject(t, "new-secret", nil, &calls)
	v := &Verifier{URL: srv.URL, PublishableKey: "pk", JWTSecret: "old-secret", Users: &users{}}
	ctx, sub := context.Background(), uuid.NewString()

	_, err := v.Authenticate(ctx, "Bearer "+hs(t, "old-secret", srv.URL+"/auth/v1", sub))
	require.NoError(t, err, "the configured secret still verifies offline")
	require.Zero(t, calls.Load())

	rotated := hs(t, "new-secret", srv.URL+"/auth/v1", sub)
	for range 3 {
		u, err := v.Authenticate(ctx, "Bearer "+rotated)
		require.NoError(t, err, "a rotated secret does not lock users out")
		require.Equal(t, sub, u.ID)
	}
	require.EqualValues(t, 1, calls.Load(), "the answer is cached per token")

	requireForgedBounded(t, v, srv.URL, sub, &calls)
}

// requireForgedBounded checks that a forged HS256 token is refused (401),
// that Supabase Auth is asked about it once however often it comes, and
// that a flood of new forged tokens is rate limited, not passed on.
func requireForgedBounded(t *testing.T, v *Verifier, url, sub string, calls *atomic.Int32) {
	ctx, before := context.Background(), calls.Load()
	forged := hs(t, "attacker", url+"/auth/v1", sub)
	for range 5 {
		_, err := v.Authenticate(ctx, "Bearer "+forged)
		require.True(t, fault.Is(err, fault.CodeUnauthorized), "%v", err)
	}
	require.EqualValues(t, before+1, calls.Load(), "a refused token is asked about once")

	var err error
	for i := range 200 {
		_, err = v.Authenticate(ctx, "Bearer "+hs(t, "attacker", url+"/auth/v1", uuid.NewString()))
		if fault.Is(err, fault.CodeUnavailable) {
			require.Greater(t, i, 10, "the limit lets ordinary traffic through")
			break
		}
		require.True(t, fault.Is(err, fault.CodeUnauthorized), "%v", err)
	}
	require.True(t, fault.Is(err, fault.CodeUnavailable), "a flood of new tokens is rate limited, not passed on")
	require.Less(t, calls.Load(), before+100)
}

// TestIssuerComparedAsURL accepts an issuer that differs only in host case,
// default port or trailing slash, and refuses another project's.
func TestIssuerComparedAsURL(t *testing.T) {
	var calls atomic.Int32
	srv := fakeProject(t, "s", nil, &calls)
	v := &Verifier{URL: srv.URL, PublishableKey: "pk", JWTSecret: "s", Users: &users{}}
	for _, iss := range []string{srv.URL + "/auth/v1/", "HTTP://" + srv.URL[len("http://"):] + "/auth/v1"} {
		_, err := v.Authenticate(context.Background(), "Bearer "+hs(t, "s", iss, uuid.NewString()))
		require.NoError(t, err, iss)
	}
	_, err := v.Authenticate(context.Background(), "Bearer "+hs(t, "s", "https://other.supabase.co/auth/v1", uuid.NewString()))
	require.ErrorContains(t, err, "not this project")
	require.True(t, sameIssuer("https://ABC.supabase.co:443/auth/v1/", "https://abc.supabase.co/auth/v1"))
}

// failing is a users table that cannot be written.
type failing struct{}

// RecordUser fails as a lost database would.
func (failing) RecordUser(context.Context, workflow.User) error {
	return errors.New("dial tcp 10.0.0.5:5432: connect: connection refused (user postgres)")
}

// TestDatabaseErrorIsUnavailable answers a database error while recording
// the user as "unavailable", with no internals in the message.
func TestDatabaseErrorIsUnavailable(t *testing.T) {
	var calls atomic.Int32
	srv := fakeProject(t, "s", nil, &calls)
	v := &Verifier{URL: srv.URL, PublishableKey: "pk", JWTSecret: "s", Users: failing{}}
	_, err := v.Authenticate(context.Background(), "Bearer "+hs(t, "s", srv.URL+"/auth/v1", uuid.NewString()))
	fe, ok := fault.As(err)
	require.True(t, ok)
	require.Equal(t, fault.CodeUnavailable, fe.Code)
	require.NotContains(t, fe.Message, "10.0.0.5")
	require.NotContains(t, fe.Message, "postgres")
}
