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

// authMiddleware verifies the caller on every /api route but the public
// ones (those the route table gives an empty security list), upserts the
// users row, and puts the user into the context.
func authMiddleware(api huma.API, d Deps) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if op := ctx.Operation(); (op != nil && isPublic(op)) || !strings.HasPrefix(ctx.URL().Path, "/api/") {
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
