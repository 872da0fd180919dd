package supabase

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

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

// TestJWKSAndGetUser verifies an ES256 token offline against the project's
// JWKS, and an HS256 token of the same project (signed with its previous
// shared secret, still valid during a move to published keys) through
// GET /auth/v1/user, with or without a configured secret; a forged HS256
// token is refused, and Supabase Auth sees bounded calls about it.
func TestJWKSAndGetUser(t *testing.T) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	var calls atomic.Int32
	srv := fakeProject(t, "previous-secret", []map[string]any{{"kty": "EC", "crv": "P-256", "kid": "k1",
		"alg": "ES256", "use": "sig", "x": b64(key.X), "y": b64(key.Y)}}, &calls)
	ctx, sub, u := context.Background(), uuid.NewString(), &users{}
	v := &Verifier{URL: srv.URL, PublishableKey: "pk", Users: u}

	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"sub": sub, "email": "ada@example.com",
		"aud": "authenticated", "role": "authenticated", "iss": srv.URL + "/auth/v1", "exp": time.Now().Add(time.Hour).Unix(),
		"user_metadata": map[string]any{"name": "Ada L"}})
	tok.Header["kid"] = "k1"
	signed, err := tok.SignedString(key)
	require.NoError(t, err)
	got, err := v.Authenticate(ctx, "Bearer "+signed)
	require.NoError(t, err)
	require.Equal(t, sub, got.ID)
	require.Equal(t, "Ada L", *got.Name)
	_, err = v.Authenticate(ctx, "Bearer "+signed)
	require.NoError(t, err)
	require.EqualValues(t, 1, u.n.Load(), "the users row is refreshed at most once a minute")
	require.Zero(t, calls.Load(), "published keys verify offline")

	legacy := hs(t, "previous-secret", srv.URL+"/auth/v1", sub)
	got, err = v.Authenticate(ctx, "Bearer "+legacy)
	require.NoError(t, err, "an HS256 token of a project with published keys is asked of Supabase Auth")
	require.Equal(t, sub, got.ID)
	require.Equal(t, "Bea", *got.Name, "the user as Supabase Auth answers it")
	require.EqualValues(t, 1, calls.Load())
	withSecret := &Verifier{URL: srv.URL, PublishableKey: "pk", JWTSecret: "current-secret", Users: u}
	_, err = withSecret.Authenticate(ctx, "Bearer "+legacy)
	require.NoError(t, err, "a token the configured secret does not verify is asked too")
	require.EqualValues(t, 2, calls.Load())

	requireForgedBounded(t, v, srv.URL, sub, &calls)
}
