// Package fault gives errors a code that says what kind of failure they are
// (not found, conflict, invalid with fields, unauthorized, unavailable,
// internal), so no layer has to read another layer's message text. The HTTP
// layer maps codes to statuses in one place.
package fault

import (
	"errors"
	"fmt"
	"strings"
)

// Code is the kind of a failure.
type Code string

// The codes every layer uses.
const (
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeInvalid      Code = "invalid"
	CodeUnauthorized Code = "unauthorized"
	CodeForbidden    Code = "forbidden"
	CodeUnavailable  Code = "unavailable"
	CodeUpstream     Code = "upstream"
	CodeTooLarge     Code = "too_large"
	CodeTooMany      Code = "too_many"
	// CodePaymentRequired is spending the budget cannot cover.
	CodePaymentRequired Code = "payment_required"
	CodeInternal        Code = "internal"
)

// Codes lists every code, for the test that each maps to an HTTP status.
var Codes = []Code{CodeNotFound, CodeConflict, CodeInvalid, CodeUnauthorized, CodeForbidden, CodeUnavailable,
	CodeUpstream, CodeTooLarge, CodeTooMany, CodePaymentRequired, CodeInternal}

// Field is one problem at one place of the input, such as
// "nodes[2].config.template"; locations are relative to the request body.
type Field struct {
	Location string `json:"location"`
	Message  string `json:"message"`
}

// Error is a failure with a code and a message a user can act on. Cause
// keeps the underlying error for logs; it is never shown to users.
type Error struct {
	Code    Code
	Message string
	Fields  []Field
	Cause   error
}

// Error returns the user-facing message (and the cause, for logs).
func (e *Error) Error() string {
	if e.Cause != nil && e.Code == CodeInternal {
		return e.Message + ": " + e.Cause.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// NotFound says that what (e.g. "workflow") does not exist or is not the
// caller's; the two are never told apart.
func NotFound(what string) *Error {
	return &Error{Code: CodeNotFound, Message: what + " not found"}
}

// Conflict says the current state forbids the change.
func Conflict(format string, args ...any) *Error {
	return &Error{Code: CodeConflict, Message: fmt.Sprintf(format, args...)}
}

// Invalid says the input breaks a rule; fields say where.
func Invalid(message string, fields ...Field) *Error {
	return &Error{Code: CodeInvalid, Message: message, Fields: fields}
}

// Unauthorized says the caller is not signed in, or the token is refused.
func Unauthorized(format string, args ...any) *Error {
	return &Error{Code: CodeUnauthorized, Message: fmt.Sprintf(format, args...)}
}

// Forbidden says the request is refused whoever sends it (a foreign origin).
func Forbidden(format string, args ...any) *Error {
	return &Error{Code: CodeForbidden, Message: fmt.Sprintf(format, args...)}
}

// Unavailable says a service we depend on cannot answer now.
func Unavailable(message string, cause error) *Error {
	return &Error{Code: CodeUnavailable, Message: message, Cause: cause}
}

// Upstream says a service we called answered with an error.
func Upstream(message string) *Error {
	return &Error{Code: CodeUpstream, Message: message}
}

// TooLarge says the input passes a size limit.
func TooLarge(format string, args ...any) *Error {
	return &Error{Code: CodeTooLarge, Message: fmt.Sprintf(format, args...)}
}

// TooMany says the caller has too many of something open at once.
func TooMany(format string, args ...any) *Error {
	return &Error{Code: CodeTooMany, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error; users only see that it was logged.
func Internal(what string, cause error) *Error {
	return &Error{Code: CodeInternal, Message: what, Cause: cause}
}

// CodeOf returns err's code, or CodeInternal when it has none.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// Is reports whether err carries code.
func Is(err error, code Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}

// As returns err's *Error, if it has one.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Prefix returns fields with prefix put before each location
// ("config" + "template" -> "config.template").
func Prefix(prefix string, fields []Field) []Field {
	out := make([]Field, len(fields))
	for i, f := range fields {
		out[i] = Field{Location: join(prefix, f.Location), Message: f.Message}
	}
	return out
}

// join puts two location parts together with a dot unless the second is an
// index ("[2]") or either is empty.
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasPrefix(b, "["):
		return a + b
	}
	return a + "." + b
}
