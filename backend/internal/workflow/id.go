package workflow

import "github.com/google/uuid"

// NewID returns a new time-ordered UUIDv7 as a string.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// ValidID reports whether s is a UUID; ids from clients are checked before
// they reach a query.
func ValidID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}
