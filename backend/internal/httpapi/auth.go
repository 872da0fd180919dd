package httpapi

import (
	"context"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// userKey is the context key of the signed-in user.
type userKey struct{}

// public lists the routes that need no sign-in.
var public = map[string]bool{"/api/healthz": true, "/api/readyz": true, "/api/config": true}

// authMiddleware verifies the caller on every /api route but the public
// ones, upserts the users row, and puts the user into the context.
func authMiddleware(api huma.API, d Deps) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		path := ctx.URL().Path
		if public[path] || !strings.HasPrefix(path, "/api/") {
			next(ctx)
			return
		}
		u, err := d.Auth.Authenticate(ctx.Context(), ctx.Header("Authorization"))
		if err != nil {
			if fault.Is(err, fault.CodeUnauthorized) {
				ctx.SetHeader("WWW-Authenticate", `Bearer realm="visualadgen"`)
			}
			writeProblem(api, ctx, d.Log, err)
			return
		}
		next(huma.WithValue(ctx, userKey{}, u))
	}
}

// userOf returns the signed-in user's id.
func userOf(ctx context.Context) string {
	u, _ := ctx.Value(userKey{}).(workflow.User)
	return u.ID
}
