package httpapi

import (
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// statusOf is the one map from error codes to HTTP statuses.
var statusOf = map[fault.Code]int{
	fault.CodeNotFound:        http.StatusNotFound,
	fault.CodeConflict:        http.StatusConflict,
	fault.CodeInvalid:         http.StatusUnprocessableEntity,
	fault.CodeUnauthorized:    http.StatusUnauthorized,
	fault.CodeForbidden:       http.StatusForbidden,
	fault.CodeUnavailable:     http.StatusServiceUnavailable,
	fault.CodeUpstream:        http.StatusBadGateway,
	fault.CodeTooLarge:        http.StatusRequestEntityTooLarge,
	fault.CodeTooMany:         http.StatusTooManyRequests,
	fault.CodePaymentRequired: http.StatusPaymentRequired,
	fault.CodeInternal:        http.StatusInternalServerError,
}

// problem turns an error into problem+json: its code picks the status, its
// message and fields (located in the body) are shown as they are. Errors
// without a code are internal: logged, never echoed.
func problem(log *slog.Logger, err error) huma.StatusError {
	fe, ok := fault.As(err)
	if !ok || fe.Code == fault.CodeInternal {
		log.Error("request failed", "err", err)
		return huma.Error500InternalServerError("something went wrong on our side; it has been logged")
	}
	if fe.Code == fault.CodeUnavailable && fe.Cause != nil {
		log.Warn("a service we depend on failed", "err", fe.Cause)
	}
	details := make([]error, 0, len(fe.Fields))
	for _, f := range fe.Fields {
		loc := "body"
		if f.Location != "" {
			loc += "." + f.Location
		}
		details = append(details, &huma.ErrorDetail{Message: f.Message, Location: loc})
	}
	return huma.NewError(statusOf[fe.Code], fe.Message, details...)
}

// writeProblem writes err as problem+json from a middleware, where no
// handler can return it.
func writeProblem(api huma.API, ctx huma.Context, log *slog.Logger, err error) {
	se := problem(log, err)
	m, ok := se.(*huma.ErrorModel)
	if !ok {
		_ = huma.WriteErr(api, ctx, se.GetStatus(), se.Error())
		return
	}
	details := make([]error, len(m.Errors))
	for i, d := range m.Errors {
		details[i] = d
	}
	_ = huma.WriteErr(api, ctx, m.Status, m.Detail, details...)
}
