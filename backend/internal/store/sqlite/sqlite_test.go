package sqlite_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/store/sqlite"
	"github.com/visualadgen/visualadgen/backend/internal/store/storetest"
)

// TestConformance runs the shared store suite on SQLite.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return store.NewSQLite(db)
	})
}
