package httpapi

import (
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
)

// TestErrorMap maps every code to its status in one place, shows coded
// messages and fields as they are, and never echoes an internal error.
func TestErrorMap(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	want := map[fault.Code]int{fault.CodeNotFound: 404, fault.CodeConflict: 409, fault.CodeInvalid: 422,
		fault.CodeUnauthorized: 401, fault.CodeForbidden: 403, fault.CodeUnavailable: 503, fault.CodeUpstream: 502,
		fault.CodeTooLarge: 413, fault.CodeTooMany: 429, fault.CodePaymentRequired: 402, fault.CodeInternal: 500}
	for _, code := range fault.Codes {
		require.Contains(t, statusOf, code, "code %s has an HTTP status", code)
		se := problem(log, &fault.Error{Code: code, Message: "the message",
			Fields: []fault.Field{{Location: "nodes[1].config.template", Message: "too long"}}})
		require.Equal(t, want[code], se.GetStatus(), code)
		m := se.(*huma.ErrorModel)
		if code == fault.CodeInternal {
			require.NotContains(t, m.Detail, "the message", "internal errors are logged, not shown")
			continue
		}
		require.Equal(t, "the message", m.Detail)
		require.Equal(t, "body.nodes[1].config.template", m.Errors[0].Location)
	}
	se := problem(log, errors.New("pq: password authentication failed for user admin at db.internal:5432"))
	require.Equal(t, 500, se.GetStatus())
	require.NotContains(t, se.Error(), "db.internal", "an error without a code is internal")
	wrapped := problem(log, errors.Join(errors.New("start workflow"), fault.NotFound("workflow")))
	require.Equal(t, 404, wrapped.GetStatus(), "codes survive wrapping")
}
