package httpapi

import (
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// declaredKey is where an operation's Metadata keeps the fault codes its
// route declares.
const declaredKey = "errors"

// declare says that op answers codes beyond those its shape implies
// (answers lists both): the route table's column of errors.
func declare(op huma.Operation, codes ...fault.Code) huma.Operation {
	md := make(map[string]any, len(op.Metadata)+1)
	for k, v := range op.Metadata {
		md[k] = v
	}
	md[declaredKey] = slices.Concat(declared(&op), codes)
	op.Metadata = md
	return op
}

// declared returns the codes op's route declared.
func declared(op *huma.Operation) []fault.Code {
	codes, _ := op.Metadata[declaredKey].([]fault.Code)
	return codes
}

// isPublic reports whether op needs no sign-in: its route says so with an
// empty security list. An operation that says nothing is signed-in.
func isPublic(op *huma.Operation) bool {
	return op.Security != nil && len(op.Security) == 0
}

// answers is every error status op answers, ascending: the statuses
// (statusOf) of its route's declared codes and of those its shape implies,
// and the two huma answers with no code of ours:
//   - every operation: forbidden (local mode refuses a request addressed to
//     another host, and a change from a foreign origin) and internal;
//   - a signed-in one: unauthorized (signed out, in Supabase mode) and
//     unavailable (Supabase Auth cannot answer, or the user cannot be
//     recorded);
//   - a path or query parameter: invalid (huma checks it); a path parameter
//     is an id, so not found (missing, or not the caller's: never told
//     apart);
//   - a body: 400 (unreadable, huma's) and invalid; a JSON body also too
//     large (past the 1 MB cap) and 415 (another content type, huma's).
func answers(op *huma.Operation) []int {
	codes := []fault.Code{fault.CodeForbidden, fault.CodeInternal}
	var uncoded []int // what huma answers itself
	if !isPublic(op) {
		codes = append(codes, fault.CodeUnauthorized, fault.CodeUnavailable)
	}
	for _, p := range op.Parameters {
		switch p.In {
		case "path":
			codes = append(codes, fault.CodeNotFound, fault.CodeInvalid)
		case "query":
			codes = append(codes, fault.CodeInvalid)
		}
	}
	if op.RequestBody != nil {
		codes, uncoded = append(codes, fault.CodeInvalid), append(uncoded, http.StatusBadRequest)
		if _, ok := op.RequestBody.Content["application/json"]; ok {
			codes, uncoded = append(codes, fault.CodeTooLarge), append(uncoded, http.StatusUnsupportedMediaType)
		}
	}
	out := uncoded
	for _, c := range append(codes, declared(op)...) {
		out = append(out, statusOf[c])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// problemText says what each error status means, for the shared
// problem+json responses of the document.
var problemText = map[int]string{
	http.StatusBadRequest:            "The body cannot be read: it is not JSON (or not a form), or a required body is missing.",
	http.StatusUnauthorized:          "Not signed in, or the token is refused (Supabase mode; local mode has no sign-in).",
	http.StatusPaymentRequired:       "The run's estimate passes what your monthly budget, or the server's, has left.",
	http.StatusForbidden:             "Local mode only: the request is addressed to another host, or a change comes from a foreign origin.",
	http.StatusNotFound:              "It does not exist or is not yours: the two are never told apart.",
	http.StatusConflict:              "The current state forbids it; detail says what (a run still going, a newer version saved, something still in use).",
	http.StatusRequestEntityTooLarge: "The body passes its size limit, or your uploads would pass your quota.",
	http.StatusUnsupportedMediaType:  "The body's Content-Type is not one the operation reads.",
	http.StatusUnprocessableEntity:   "The input breaks a rule: each of errors says where (body.<field>, path.<name>, query.<name>) and what.",
	http.StatusTooManyRequests:       "Too many at once or too often (a rate limit, a queue, live views): ask again shortly.",
	http.StatusInternalServerError:   "Something went wrong on our side; it has been logged, never echoed.",
	http.StatusBadGateway:            "A service we called answered with an error.",
	http.StatusServiceUnavailable:    "A service we depend on (the database, Supabase Auth, Reddit) cannot answer now.",
}

// problemName names the shared response of an error status after its text
// ("Not Found" -> NotFound).
func problemName(status int) string {
	return strings.NewReplacer(" ", "", "-", "").Replace(http.StatusText(status))
}

// documentErrors documents on every operation the errors it answers, each
// a reference to the shared problem+json response of its status, in place
// of the error responses huma derived (one "default").
func documentErrors(oapi *huma.OpenAPI) {
	model := oapi.Components.Schemas.Schema(reflect.TypeFor[huma.ErrorModel](), true, "Error")
	if oapi.Components.Responses == nil {
		oapi.Components.Responses = map[string]*huma.Response{}
	}
	for _, item := range oapi.Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Delete, item.Patch, item.Head, item.Options, item.Trace} {
			if op == nil {
				continue
			}
			for code := range op.Responses {
				if code == "default" || code[0] == '4' || code[0] == '5' {
					delete(op.Responses, code)
				}
			}
			for _, status := range answers(op) {
				name := problemName(status)
				if _, ok := oapi.Components.Responses[name]; !ok {
					oapi.Components.Responses[name] = &huma.Response{Description: problemText[status],
						Content: map[string]*huma.MediaType{"application/problem+json": {Schema: model}}}
				}
				op.Responses[strconv.Itoa(status)] = &huma.Response{Ref: "#/components/responses/" + name}
			}
		}
	}
}
