package supabase

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// users records upserts.
type users struct{ n atomic.Int32 }

// RecordUser counts the call.
func (u *users) RecordUser(context.Context, workflow.User) error { u.n.Add(1); return nil }

// b64 is unpadded base64url of a big-endian integer.
func b64(i *big.Int) string {
	return base64.RawURLEncoding.EncodeToString(i.FillBytes(make([]byte, 32)))
}

// TestJWKSAndGetUser verifies an ES256 token against the project's JWKS,
// and an HS256 token (no secret configured) through /auth/v1/user.
func TestJWKSAndGetUser(t *testing.T) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	sub := uuid.NewString()
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/auth/v1/.well-known/jwks.json":
			_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]any{{"kty": "EC", "crv": "P-256", "kid": "k1",
				"alg": "ES256", "use": "sig", "x": b64(key.X), "y": b64(key.Y)}}})
		case "/auth/v1/user":
			if r.Header.Get("apikey") != "pk" || r.Header.Get("Authorization") != "Bearer legacy-token-ok" {
				w.WriteHeader(401)
				_, _ = w.Write([]byte(`{"code":401,"error_code":"bad_jwt","msg":"invalid JWT"}`))
				return
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"id": sub, "email": "ada@example.com", "aud": "authenticated",
				"role": "authenticated", "user_metadata": map[string]any{"full_name": "Ada"}})
		}
	}))
	defer srv.Close()
	srvURL = srv.URL
	u := &users{}
	v := &Verifier{URL: srvURL, PublishableKey: "pk", Users: u}

	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"sub": sub, "email": "ada@example.com",
		"aud": "authenticated", "role": "authenticated", "iss": srvURL + "/auth/v1", "exp": time.Now().Add(time.Hour).Unix(),
		"user_metadata": map[string]any{"name": "Ada L"}})
	tok.Header["kid"] = "k1"
	signed, err := tok.SignedString(key)
	require.NoError(t, err)
	got, err := v.Authenticate(context.Background(), "Bearer "+signed)
	require.NoError(t, err)
	require.Equal(t, sub, got.ID)
	require.Equal(t, "Ada L", *got.Name)
	_, err = v.Authenticate(context.Background(), "Bearer "+signed)
	require.NoError(t, err)
	require.EqualValues(t, 1, u.n.Load(), "the users row is refreshed at most once a minute")

	// This project publishes keys: an HS256 token cannot be one of its own,
	// and is refused without asking Supabase Auth.
	legacy, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub}).SignedString([]byte("x"))
	_, err = v.Authenticate(context.Background(), "Bearer "+legacy)
	require.True(t, fault.Is(err, fault.CodeUnauthorized))
	require.ErrorContains(t, err, "published keys")
	c, err := v.askAuth(context.Background(), "legacy-token-ok")
	require.NoError(t, err)
	require.Equal(t, sub, c.Subject)
	require.Equal(t, "Ada", c.UserMetadata["full_name"])
}
