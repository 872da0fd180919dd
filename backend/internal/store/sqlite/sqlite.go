// Package sqlite opens the embedded default database: one SQLite file under
// DATA_DIR, through the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating if needed) the database file at path with foreign
// keys on and WAL, and applies the schema. One connection is used: SQLite
// has one writer, and River's SQLite driver asks for it.
func Open(ctx context.Context, path string, log *slog.Logger) (*sql.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: create folder for %s: %w", path, err)
	}
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	// Migrations are additive and numbered by work that lands in any order:
	// one numbered below a version already applied is applied too.
	provider, err := goose.NewProvider(goose.DialectSQLite3, db, sub, goose.WithTableName("visualadgen_schema_version"),
		goose.WithAllowOutofOrder(true))
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: migrations: %w", err)
	}
	results, err := provider.Up(ctx)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: apply migrations: %w", err)
	}
	for _, r := range results {
		log.Info("applied migration", "file", r.Source.Path, "took", r.Duration)
	}
	return db, nil
}
