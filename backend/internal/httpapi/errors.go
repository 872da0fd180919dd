package httpapi

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// problem maps a domain error to its HTTP status in one place. Internal
// errors are logged and never echoed.
func problem(log *slog.Logger, what string, err error) error {
	var de *dag.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &de):
		details := make([]error, 0, len(de.Problems))
		for _, p := range de.Problems {
			loc := "body"
			if p.NodeID != "" {
				loc = fmt.Sprintf("body.nodes[%s]", p.NodeID)
				if p.Field != "" {
					loc += "." + p.Field
				}
			} else if p.EdgeID != "" {
				loc = fmt.Sprintf("body.edges[%s]", p.EdgeID)
			}
			details = append(details, &huma.ErrorDetail{Message: p.Message, Location: loc})
		}
		return huma.Error422UnprocessableEntity(de.Error(), details...)
	case errors.Is(err, workflow.ErrNotFound):
		return huma.Error404NotFound(what + " not found")
	case errors.Is(err, workflow.ErrConflict):
		return huma.Error409Conflict(clean(err))
	case errors.Is(err, workflow.ErrInvalid):
		return huma.Error422UnprocessableEntity(clean(err))
	}
	log.Error("request failed", "what", what, "err", err)
	return huma.Error500InternalServerError("something went wrong on our side; it has been logged")
}

// clean drops the "op: conflict: " prefixes the store adds, keeping the
// sentence a user can act on.
func clean(err error) string {
	msg := err.Error()
	for _, sep := range []string{": conflict: ", ": invalid: ", "conflict: ", "invalid: "} {
		if i := strings.LastIndex(msg, sep); i >= 0 {
			return msg[i+len(sep):]
		}
	}
	return msg
}
