package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// secret is the fake project's legacy HS256 secret.
const secret = "super-secret-jwt-key-for-tests-only-0123456789"

// fakeSupabase answers /auth/v1/user with 401 (tokens must verify offline
// here) and serves no JWKS keys.
func fakeSupabase(t *testing.T) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/auth/v1/.well-known/jwks.json" {
			_, _ = w.Write([]byte(`{"keys":[]}`))
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"code":401,"error_code":"bad_jwt","msg":"invalid JWT"}`))
	}))
	t.Cleanup(s.Close)
	return s
}

// token signs claims for user sub with method and key.
func token(t *testing.T, url, sub string, method jwt.SigningMethod, key any, mutate func(jwt.MapClaims)) string {
	c := jwt.MapClaims{"sub": sub, "email": sub[:8] + "@example.com", "aud": "authenticated", "role": "authenticated",
		"iss": url + "/auth/v1", "exp": time.Now().Add(time.Hour).Unix()}
	if mutate != nil {
		mutate(c)
	}
	s, err := jwt.NewWithClaims(method, c).SignedString(key)
	require.NoError(t, err)
	return s
}

// TestUsersCannotReachEachOther signs in two users and checks that every
// route answers 404 for the other's resources, and that bad tokens are 401.
func TestUsersCannotReachEachOther(t *testing.T) {
	supa := fakeSupabase(t)
	base := startServer(t, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk", "SUPABASE_JWT_SECRET": secret})
	a := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
	b := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}

	var w obj
	require.Equal(t, 201, a.call("POST", "/api/workflows", obj{"name": "A's"}, &w))
	id := w["id"].(string)
	require.Equal(t, 200, a.call("PUT", "/api/workflows/"+id+"/graph", obj{"nodes": []obj{{"id": uuid.NewString(), "type": "TEXT_INPUT", "name": "t", "config": obj{"value": "x"}, "has_breakpoint": true}}}, nil))
	var x obj
	require.Equal(t, 200, a.call("POST", "/api/workflows/"+id+"/execute", nil, &x))
	xid := x["execution_id"].(string)

	for _, r := range [][2]string{{"GET", "/api/workflows/" + id}, {"PATCH", "/api/workflows/" + id}, {"PUT", "/api/workflows/" + id + "/graph"},
		{"POST", "/api/workflows/" + id + "/execute"}, {"POST", "/api/workflows/" + id + "/estimate"}, {"GET", "/api/workflows/" + id + "/executions"},
		{"GET", "/api/executions/" + xid}, {"POST", "/api/executions/" + xid + "/step"}, {"POST", "/api/executions/" + xid + "/resume"},
		{"POST", "/api/executions/" + xid + "/cancel"}, {"DELETE", "/api/workflows/" + id}} {
		body := any(nil)
		if r[0] == "PATCH" {
			body = obj{"name": "stolen"}
		} else if r[0] == "PUT" {
			body = obj{"nodes": []obj{}}
		}
		require.Equal(t, 404, b.call(r[0], r[1], body, nil), "%s %s", r[0], r[1])
	}
	var list obj
	require.Equal(t, 200, b.call("GET", "/api/workflows", nil, &list))
	require.Empty(t, list["workflows"])
	require.Equal(t, 200, a.call("GET", "/api/executions/"+xid, nil, &x), "A still has everything")
	require.Equal(t, "PAUSED", x["status"])

	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	sub := uuid.NewString()
	bad := map[string]string{
		"none":            token(t, supa.URL, sub, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, nil),
		"forged":          token(t, supa.URL, sub, jwt.SigningMethodHS256, []byte("not-the-secret"), nil),
		"expired":         token(t, supa.URL, sub, jwt.SigningMethodHS256, []byte(secret), func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Hour).Unix() }),
		"other audience":  token(t, supa.URL, sub, jwt.SigningMethodHS256, []byte(secret), func(c jwt.MapClaims) { c["aud"] = "somebody-else" }),
		"other issuer":    token(t, supa.URL, sub, jwt.SigningMethodHS256, []byte(secret), func(c jwt.MapClaims) { c["iss"] = "https://evil.example/auth/v1" }),
		"anon role":       token(t, supa.URL, sub, jwt.SigningMethodHS256, []byte(secret), func(c jwt.MapClaims) { c["role"] = "anon" }),
		"unknown ES256":   token(t, supa.URL, sub, jwt.SigningMethodES256, ec, nil),
		"unknown RS256":   token(t, supa.URL, sub, jwt.SigningMethodRS256, rk, nil),
		"garbage":         "not.a.jwt",
		"missing":         "",
		"HS512 confusion": token(t, supa.URL, sub, jwt.SigningMethodHS512, []byte(secret), nil),
	}
	for name, tok := range bad {
		c := api{t: t, base: base, token: tok}
		var p obj
		require.Equal(t, 401, c.call("GET", "/api/workflows", nil, &p), name)
		require.NotEmpty(t, p["detail"], name)
	}
	var cfg obj
	require.Equal(t, 200, api{t: t, base: base}.call("GET", "/api/config", nil, &cfg), "config needs no sign-in")
	require.Equal(t, "supabase", cfg["auth_mode"])
	require.NotContains(t, cfg, "supabase_secret_api_key")
}

// TestHS256OfAProjectWithKeys signs in, over HTTP, with an HS256 token of a
// project that publishes signing keys (signed with its previous shared
// secret, valid until it expires): Supabase Auth vouches for it. A forged
// one is a 401, and Supabase Auth is asked about it once.
func TestHS256OfAProjectWithKeys(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	var calls atomic.Int32
	supa := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/auth/v1/.well-known/jwks.json" {
			_ = json.NewEncoder(w).Encode(obj{"keys": []obj{{"kty": "EC", "crv": "P-256", "kid": "k1", "alg": "ES256", "use": "sig",
				"x": base64.RawURLEncoding.EncodeToString(ec.X.FillBytes(make([]byte, 32))), "y": base64.RawURLEncoding.EncodeToString(ec.Y.FillBytes(make([]byte, 32)))}}})
			return
		}
		calls.Add(1)
		raw, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return []byte(secret), nil }, jwt.WithValidMethods([]string{"HS256"}))
		if r.URL.Path != "/auth/v1/user" || r.Header.Get("apikey") != "pk" || err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"code":401,"error_code":"bad_jwt","msg":"invalid JWT: unable to parse or verify signature"}`))
			return
		}
		sub, _ := tok.Claims.GetSubject()
		_ = json.NewEncoder(w).Encode(obj{"id": sub, "email": sub[:8] + "@example.com", "aud": "authenticated", "role": "authenticated"})
	}))
	t.Cleanup(supa.Close)
	base := startServer(t, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk"})

	previous := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
	require.Equal(t, 200, previous.call("GET", "/api/workflows", nil, nil), "a valid HS256 token is asked of Supabase Auth")
	require.EqualValues(t, 1, calls.Load())
	forged := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte("not-the-secret"), nil)}
	for range 5 {
		var p obj
		require.Equal(t, 401, forged.call("GET", "/api/workflows", nil, &p))
		require.NotEmpty(t, p["detail"])
	}
	require.EqualValues(t, 2, calls.Load(), "a forged token is asked about once, then its answer is cached")
}
