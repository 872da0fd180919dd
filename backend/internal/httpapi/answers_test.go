package httpapi

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// fakeAuth signs every caller in as one user, or refuses them with err.
type fakeAuth struct{ err error }

// Authenticate answers the user, or the refusal.
func (a fakeAuth) Authenticate(context.Context, string) (workflow.User, error) {
	return workflow.User{ID: "u1", Email: "u1@example.test"}, a.err
}

// testDeps are a server's dependencies without a database: enough for the
// document, and for what the middlewares and huma answer before a handler.
func testDeps(t *testing.T, auth Authenticator) Deps {
	reg, err := executor.NewRegistry(executor.NewTextInput(), executor.NewSocialMedia(nil), executor.NewPrompt())
	require.NoError(t, err)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return Deps{Log: log, Engine: engine.New(nil, reg, nil, nil, log, engine.Config{}), Auth: auth, Version: "test"}
}

// servedDocument is the OpenAPI document h serves at /openapi.json.
func servedDocument(t *testing.T, h http.Handler) map[string]any {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	return doc
}

// implied restates, from the served operation alone, the errors its shape
// implies (answers says why): a test of answers, not a copy of it.
func implied(op map[string]any) []int {
	out := []int{403, 500}
	if sec, _ := op["security"].([]any); len(sec) > 0 {
		out = append(out, 401, 503)
	}
	params, _ := op["parameters"].([]any)
	for _, p := range params {
		switch p.(map[string]any)["in"] {
		case "path":
			out = append(out, 404, 422)
		case "query":
			out = append(out, 422)
		}
	}
	if body, ok := op["requestBody"].(map[string]any); ok {
		out = append(out, 400, 422)
		if _, isJSON := body["content"].(map[string]any)["application/json"]; isJSON {
			out = append(out, 413, 415)
		}
	}
	return out
}

// errorStatuses lists the error statuses a served operation documents,
// ascending; "default" counts as one, so it is caught.
func errorStatuses(t *testing.T, op map[string]any) []int {
	var out []int
	for code := range op["responses"].(map[string]any) {
		if code == "default" {
			out = append(out, 0)
			continue
		}
		s, err := strconv.Atoi(code)
		require.NoError(t, err)
		if s >= 400 {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// TestEveryOperationDocumentsItsErrors reads the served document: every
// operation says who may call it, answers at least one 4xx, and documents
// exactly the errors its route declares (routes.go) and those its shape
// implies, each as the shared problem+json response of its status. So a
// declaration cannot drift from the document, nor a route escape it.
func TestEveryOperationDocumentsItsErrors(t *testing.T) {
	mux := http.NewServeMux()
	api := newAPI(mux, testDeps(t, fakeAuth{}))
	doc := servedDocument(t, mux)
	responses := doc["components"].(map[string]any)["responses"].(map[string]any)
	count := 0
	for path, item := range api.OpenAPI().Paths {
		for method, op := range map[string]*huma.Operation{"get": item.Get, "put": item.Put, "post": item.Post,
			"delete": item.Delete, "patch": item.Patch, "head": item.Head, "options": item.Options, "trace": item.Trace} {
			if op == nil {
				continue
			}
			count++
			served := doc["paths"].(map[string]any)[path].(map[string]any)[method].(map[string]any)
			name := op.OperationID
			sec, ok := served["security"].([]any)
			require.True(t, ok, "%s: says who may call it (security; [] for anyone)", name)
			require.Equal(t, isPublic(op), len(sec) == 0, "%s: the document's security is what the auth middleware reads", name)
			want := implied(served)
			for _, c := range declared(op) {
				s, ok := statusOf[c]
				require.True(t, ok, "%s: declares %s, which maps to no status", name, c)
				want = append(want, s)
			}
			slices.Sort(want)
			got := errorStatuses(t, served)
			require.Equal(t, slices.Compact(want), got, "%s: documents the errors its route declares and its shape implies", name)
			require.True(t, slices.ContainsFunc(got, func(s int) bool { return s >= 400 && s < 500 }), "%s: at least one 4xx", name)
			for _, s := range got {
				ref := served["responses"].(map[string]any)[strconv.Itoa(s)].(map[string]any)["$ref"]
				require.Equal(t, "#/components/responses/"+problemName(s), ref, "%s %d: the shared response", name, s)
				shared := responses[problemName(s)].(map[string]any)
				require.NotEmpty(t, shared["description"])
				schema := shared["content"].(map[string]any)["application/problem+json"].(map[string]any)["schema"]
				require.Equal(t, map[string]any{"$ref": "#/components/schemas/ErrorModel"}, schema)
			}
		}
	}
	require.Greater(t, count, 30, "every route is documented")
	for _, c := range fault.Codes {
		require.NotEmpty(t, problemText[statusOf[c]], "%s: its status is described", c)
	}
}

// TestDocumentedErrorsAreAnswered sends what each rule of answers is about
// (a refused sign-in, a bad id, an unreadable, foreign, too large or
// invalid body, a foreign host) and checks the answer, and that the
// operation documents it. Bad patterns are still worded with the words the
// document now keeps in the description.
func TestDocumentedErrorsAreAnswered(t *testing.T) {
	documented := func(t *testing.T, doc map[string]any, id string) []int {
		for _, item := range doc["paths"].(map[string]any) {
			for _, op := range item.(map[string]any) {
				if o := op.(map[string]any); o["operationId"] == id {
					return errorStatuses(t, o)
				}
			}
		}
		t.Fatalf("no operation %s", id)
		return nil
	}
	big := `{"name":"` + strings.Repeat("x", 1<<20) + `"}`
	cases := []struct {
		name, op, method, path, ctype, body string
		auth                                error
		local                               bool
		status                              int
		says                                string // in the answer, when set
	}{
		{"public routes need no sign-in", "config", "GET", "/api/config", "", "", fault.Unauthorized("no"), false, 200, ""},
		{"signed out", "list-workflows", "GET", "/api/workflows", "", "", fault.Unauthorized("sign in first"), false, 401, "sign in first"},
		{"auth cannot answer", "me", "GET", "/api/me", "", "", fault.Unavailable("Supabase Auth could not be reached", nil), false, 503, "could not be reached"},
		{"an id that is not one", "get-workflow", "GET", "/api/workflows/not-an-id", "", "", nil, false, 422, "path.id"},
		{"a query out of range", "usage", "GET", "/api/usage?group=week", "", "", nil, false, 422, "query.group"},
		{"not JSON", "create-brand-kit", "POST", "/api/brand-kits", "application/json", `{"name":`, nil, false, 400, ""},
		{"another content type", "create-brand-kit", "POST", "/api/brand-kits", "text/plain", `{}`, nil, false, 415, ""},
		{"too large", "create-workflow", "POST", "/api/workflows", "application/json", big, nil, false, 413, ""},
		{"a bad colour", "create-brand-kit", "POST", "/api/brand-kits", "application/json",
			`{"name":"k","primary_color":"red"}`, nil, false, 422, "expected string to be a colour as #rrggbb"},
		{"a bad subreddit", "reddit", "POST", "/api/social/reddit", "application/json",
			`{"subreddit":"r/x y"}`, nil, false, 422, "expected string to be a subreddit name"},
		{"a foreign host in local mode", "healthz", "GET", "/api/healthz", "", "", nil, true, 403, "answers only to"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDeps(t, fakeAuth{err: c.auth})
			if c.local {
				d.Local = Local{On: true, Hosts: []string{"127.0.0.1:8000"}}
			}
			h := NewServer(d)
			req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, c.status, rec.Code, rec.Body.String())
			require.Contains(t, rec.Body.String(), c.says)
			if c.status >= 400 {
				require.Contains(t, documented(t, servedDocument(t, NewServer(testDeps(t, nil))), c.op), c.status, "%s documents %d", c.op, c.status)
			}
		})
	}
}
