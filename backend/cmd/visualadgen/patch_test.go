package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// patch sends body to path with PATCH and the content type ctype, and
// answers the status, the Content-Type and the JSON answer.
func patch(t *testing.T, c api, path, ctype, body string) (int, string, obj) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPatch, c.base+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var out obj
	_ = json.Unmarshal(data, &out)
	return res.StatusCode, res.Header.Get("Content-Type"), out
}

// twoUsers starts a server on the database kind with Supabase sign-in and
// answers two signed-in users.
func twoUsers(t *testing.T, kind string) (api, api) {
	supa := fakeSupabase(t)
	env := withDatabase(t, kind, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk", "SUPABASE_JWT_SECRET": secret})
	base := startServer(t, env)
	a := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
	b := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
	return a, b
}

// TestPatchBrandKitIsAMergePatch changes one field of a kit and keeps the
// others, clears an optional field with null (a font comes back to its
// default), refuses a bad value at body.<field> without changing anything,
// and answers 404 for another user's kit whatever the body.
func TestPatchBrandKitIsAMergePatch(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			a, b := twoUsers(t, kind)
			var kit obj
			require.Equal(t, 201, a.call("POST", "/api/brand-kits", obj{"name": "Acme", "primary_color": "#CD202C",
				"text_color": "#FFFFFF", "headline_font": "lato", "body_font": "open-sans"}, &kit), kit)
			path := "/api/brand-kits/" + kit["id"].(string)
			want := obj{"name": "Renamed", "primary_color": "#cd202c", "text_color": "#ffffff", "headline_font": "lato", "body_font": "open-sans"}

			for _, ctype := range []string{"application/merge-patch+json", "application/json; charset=utf-8"} {
				code, _, got := patch(t, a, path, ctype, `{"name": "Renamed"}`)
				require.Equal(t, 200, code, got)
				requireFields(t, want, got, ctype)
			}
			var got obj
			require.Equal(t, 200, a.call("GET", path, nil, &got))
			requireFields(t, want, got, "read back")
			require.Equal(t, kit["created_at"], got["created_at"])

			for body, field := range map[string]string{`{"primary_color": "red", "name": "Changed"}`: "body.primary_color",
				`{"headline_font": "comic-sans"}`: "body.headline_font", `{"name": "   "}`: "body.name", `{"colour": "#000000"}`: "body.colour",
				`{"text_color": 12}`: "body.text_color"} {
				code, _, p := patch(t, a, path, "application/merge-patch+json", body)
				require.Equal(t, 422, code, body)
				requireLocation(t, p, field, body)
			}
			code, _, p := patch(t, a, path, "application/merge-patch+json", `{"name": null}`)
			require.Equal(t, 422, code, "a required field cannot be cleared: %v", p)
			require.Equal(t, 200, a.call("GET", path, nil, &got))
			requireFields(t, want, got, "refused patches changed nothing")

			code, _, got = patch(t, a, path, "application/merge-patch+json", `{"text_color": null, "headline_font": null}`)
			require.Equal(t, 200, code, got)
			want["text_color"], want["headline_font"] = nil, "inter"
			requireFields(t, want, got, "null clears the text colour and brings the default font back")

			for _, body := range []string{`{"name": "Stolen"}`, `{"primary_color": "red"}`, `{"name": null}`, `not json`, `[1]`} {
				code, ctype, p := patch(t, b, path, "application/merge-patch+json", body)
				require.Equal(t, 404, code, "another user's kit, body %s: %v", body, p)
				require.Equal(t, "application/problem+json", ctype)
			}
			code, _, _ = patch(t, a, path, "text/plain", `{"name": "x"}`)
			require.Equal(t, 415, code)
			code, _, _ = patch(t, a, path, "application/merge-patch+json", `{"name": `)
			require.Equal(t, 400, code)
			require.Equal(t, 200, a.call("GET", path, nil, &got))
			requireFields(t, want, got, "B and the bad requests changed nothing")
		})
	}
}

// TestPatchWorkflowIsAMergePatch deactivates a workflow keeping its name and
// description, clears the description with null, refuses an empty name at
// body.name without changing anything, and answers 404 for another user's
// workflow whatever the body.
func TestPatchWorkflowIsAMergePatch(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			a, b := twoUsers(t, kind)
			var w obj
			require.Equal(t, 201, a.call("POST", "/api/workflows", obj{"name": "Spring", "description": "For May"}, &w))
			path := "/api/workflows/" + w["id"].(string)
			code, _, got := patch(t, a, path, "application/merge-patch+json", `{"is_active": false}`)
			require.Equal(t, 200, code, got)
			requireFields(t, obj{"name": "Spring", "description": "For May", "is_active": false}, got, "deactivated")

			for body, field := range map[string]string{`{"name": ""}`: "body.name", `{"is_active": "no"}`: "body.is_active",
				`{"description": "` + strings.Repeat("x", 2001) + `"}`: "body.description"} {
				code, _, p := patch(t, a, path, "application/json", body)
				require.Equal(t, 422, code, body)
				requireLocation(t, p, field, body)
			}
			code, _, p := patch(t, a, path, "application/json", `{"is_active": null}`)
			require.Equal(t, 422, code, "is_active cannot be cleared: %v", p)
			require.Equal(t, 404, b.call("PATCH", path, obj{"name": ""}, &p), "another user's workflow, a bad body: %v", p)
			require.Equal(t, 404, b.call("PATCH", path, obj{"name": "Stolen"}, &p), "another user's workflow: %v", p)
			require.Equal(t, 200, a.call("GET", path, nil, &got))
			requireFields(t, obj{"name": "Spring", "description": "For May", "is_active": false}, got, "refused patches changed nothing")

			code, _, got = patch(t, a, path, "application/merge-patch+json", `{"description": null, "name": "Summer"}`)
			require.Equal(t, 200, code, got)
			requireFields(t, obj{"name": "Summer", "description": nil, "is_active": false}, got, "null clears the description")
		})
	}
}

// requireFields checks that got has each of want's fields with its value.
func requireFields(t *testing.T, want, got obj, what string) {
	t.Helper()
	for k, v := range want {
		require.Equal(t, v, got[k], "%s: %s in %v", what, k, got)
	}
}
