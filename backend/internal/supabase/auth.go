// Package supabase verifies Supabase users (the brief's auth flow): a JWT
// checked offline against the project's JWKS or legacy HS256 secret, or
// else by asking Supabase Auth (GET /auth/v1/user).
package supabase

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/time/rate"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// UserSaver creates or refreshes the users row of a verified user.
type UserSaver interface {
	RecordUser(ctx context.Context, u workflow.User) error
}

// Verifier authenticates requests with Supabase JWTs.
type Verifier struct {
	URL            string // project URL
	PublishableKey string // apikey header for /auth/v1/user
	JWTSecret      string // legacy HS256 secret, optional
	Users          UserSaver

	mu      sync.Mutex
	jwks    keyfunc.Keyfunc
	saved   map[string]time.Time // user id -> when its row was last refreshed
	asked   map[[32]byte]asked   // token hash -> what Supabase Auth answered, briefly
	limiter *rate.Limiter        // calls to Supabase Auth
}

// claims are the parts of a Supabase access token we read.
type claims struct {
	jwt.RegisteredClaims
	Email        string         `json:"email"`
	Role         string         `json:"role"`
	UserMetadata map[string]any `json:"user_metadata"`
}

// Authenticate verifies "Bearer <jwt>" and returns the user, upserting its
// row at most once a minute.
func (v *Verifier) Authenticate(ctx context.Context, header string) (workflow.User, error) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		return workflow.User{}, fault.Unauthorized("sign in first: send Authorization: Bearer <Supabase access token>")
	}
	c, err := v.verify(ctx, strings.TrimSpace(token))
	if err != nil {
		if _, coded := fault.As(err); coded {
			return workflow.User{}, err
		}
		return workflow.User{}, fault.Unauthorized("%v", err)
	}
	u := workflow.User{ID: c.Subject, Email: c.Email}
	if name, ok := c.UserMetadata["full_name"].(string); ok && name != "" {
		u.Name = &name
	} else if name, ok := c.UserMetadata["name"].(string); ok && name != "" {
		u.Name = &name
	}
	if avatar, ok := c.UserMetadata["avatar_url"].(string); ok && avatar != "" {
		u.AvatarURL = &avatar
	}
	if !workflow.ValidID(u.ID) || u.Email == "" {
		return workflow.User{}, fault.Unauthorized("the token has no user id or email")
	}
	return u, v.save(ctx, u)
}

// verify checks signature, expiry, audience, issuer and role. An HS256
// token that the configured secret does not verify (or with no secret) is
// asked of Supabase Auth, as auth-js does, even when the project publishes
// asymmetric keys: while a project moves to new keys, tokens signed with
// its previous shared secret stay valid until they expire, and only
// Supabase Auth knows that secret. Those calls are cached per token and
// rate limited (askAuth), so forged tokens cannot flood Supabase.
func (v *Verifier) verify(ctx context.Context, token string) (*claims, error) {
	alg, err := algOf(token)
	if err != nil {
		return nil, err
	}
	opts := []jwt.ParserOption{jwt.WithAudience("authenticated"), jwt.WithExpirationRequired(), jwt.WithLeeway(30 * time.Second)}
	c := &claims{}
	switch alg {
	case "HS256":
		if v.JWTSecret != "" {
			_, err = jwt.ParseWithClaims(token, c, func(*jwt.Token) (any, error) { return []byte(v.JWTSecret), nil },
				append(opts, jwt.WithValidMethods([]string{"HS256"}))...)
			if err == nil || !errors.Is(err, jwt.ErrTokenSignatureInvalid) {
				break
			}
		}
		return v.askAuth(ctx, token)
	case "ES256", "RS256":
		kf, kerr := v.keys(ctx)
		if kerr != nil {
			return nil, kerr
		}
		_, err = jwt.ParseWithClaims(token, c, kf.Keyfunc, append(opts, jwt.WithValidMethods([]string{alg}))...)
	default:
		return nil, fmt.Errorf("tokens signed with %q are not accepted", alg)
	}
	if err != nil {
		return nil, fmt.Errorf("the token is not valid: %v", err)
	}
	if !sameIssuer(c.Issuer, v.URL+"/auth/v1") {
		return nil, fmt.Errorf("the token was issued by %q, not this project", c.Issuer)
	}
	if c.Role != "authenticated" {
		return nil, fmt.Errorf("the token's role is %q, not authenticated", c.Role)
	}
	return c, nil
}

// sameIssuer compares issuers as URLs: scheme and host case, a default
// port and a trailing slash do not matter.
func sameIssuer(got, want string) bool {
	norm := func(s string) string {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || u.Host == "" {
			return s
		}
		host := strings.ToLower(u.Hostname())
		if p := u.Port(); p != "" && !(p == "443" && u.Scheme == "https") && !(p == "80" && u.Scheme == "http") {
			host += ":" + p
		}
		return strings.ToLower(u.Scheme) + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
	}
	return norm(got) == norm(want)
}

// algOf reads the alg of a token's header without trusting it.
func algOf(token string) (string, error) {
	t, _, err := jwt.NewParser().ParseUnverified(token, &claims{})
	if err != nil {
		return "", fmt.Errorf("the token is malformed")
	}
	alg, _ := t.Header["alg"].(string)
	return alg, nil
}

// keys returns the project's JWKS, fetched once and refreshed by keyfunc
// (also on an unknown key id).
func (v *Verifier) keys(ctx context.Context) (keyfunc.Keyfunc, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.jwks != nil {
		return v.jwks, nil
	}
	kf, err := keyfunc.NewDefaultCtx(context.WithoutCancel(ctx), []string{v.URL + "/auth/v1/.well-known/jwks.json"})
	if err != nil {
		return nil, fmt.Errorf("the project's signing keys could not be read: %v", err)
	}
	v.jwks = kf
	return kf, nil
}

// save upserts the user's row unless it was refreshed in the last minute.
func (v *Verifier) save(ctx context.Context, u workflow.User) error {
	v.mu.Lock()
	if v.saved == nil {
		v.saved = map[string]time.Time{}
	}
	fresh := time.Since(v.saved[u.ID]) < time.Minute
	v.mu.Unlock()
	if fresh {
		return nil
	}
	if err := v.Users.RecordUser(ctx, u); err != nil {
		return fault.Unavailable("your account could not be recorded just now; try again", err)
	}
	v.mu.Lock()
	v.saved[u.ID] = time.Now()
	v.mu.Unlock()
	return nil
}

// Local is the one local user of a deployment without Supabase.
type Local struct{ User workflow.User }

// LocalUser is the fixed identity of local mode.
var LocalUser = workflow.User{ID: "00000000-0000-4000-8000-000000000001", Email: "local@visualadgen.invalid"}

// Authenticate always answers the local user.
func (l Local) Authenticate(context.Context, string) (workflow.User, error) { return l.User, nil }
