package postgres_test

import (
	"testing"

	"github.com/visualadgen/visualadgen/backend/internal/pgtest"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/storetest"
)

// TestConformance runs the shared store suite on a real Postgres.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.Store {
		return store.NewPostgres(pgtest.Pool(t))
	})
}
