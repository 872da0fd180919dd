package workflow

import "errors"

// Domain errors; the HTTP layer maps them to statuses in one place.
var (
	// ErrNotFound: the thing does not exist or belongs to someone else.
	ErrNotFound = errors.New("not found")
	// ErrConflict: a uniqueness rule or the current state forbids the change.
	ErrConflict = errors.New("conflict")
	// ErrInvalid: the request is malformed or breaks a rule of the domain.
	ErrInvalid = errors.New("invalid")
)
