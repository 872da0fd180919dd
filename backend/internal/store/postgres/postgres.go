// Package postgres opens the Postgres database (plain or Supabase), prepares
// what Supabase would provide on a plain server, and applies the schema of
// supabase/migrations.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
)

// migrations are the files of supabase/migrations (a link to this folder),
// so the Supabase CLI and the backend apply the same SQL.
//
//go:embed migrations/*.sql
var migrations embed.FS

// Open connects to url, bootstraps a plain Postgres, applies the schema and
// returns the pool. On a Supabase project the bootstrap is never run.
func Open(ctx context.Context, url string, log *slog.Logger) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	// River's workers, the API and the event listener share the pool; pgx's
	// default (4 per core) starves them under load.
	if cfg.MaxConns < 32 && !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = 32
	}
	// Keep connections open before a burst needs them: a run's parallel
	// branches claim at once, and opening a connection costs milliseconds.
	if !strings.Contains(url, "pool_min_conns") {
		cfg.MinConns = min(8, cfg.MaxConns)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := Migrate(ctx, pool, log); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

// Migrate applies the bootstrap (plain Postgres only) and the migrations.
func Migrate(ctx context.Context, pool *pgxpool.Pool, log *slog.Logger) error {
	supa, err := IsSupabase(ctx, pool)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if !supa {
		if _, err := pool.Exec(ctx, bootstrapSQL); err != nil {
			return fmt.Errorf("postgres: bootstrap auth schema and roles: %w", err)
		}
	}
	if _, err := pool.Exec(ctx, privateSQL); err != nil {
		return fmt.Errorf("postgres: private schema for migrations: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	// Migrations are additive and numbered by work that lands in any order:
	// one numbered below a version already applied is applied too.
	provider, err := goose.NewProvider(goose.DialectPostgres, db, mustSub(), goose.WithTableName(versionTable),
		goose.WithAllowOutofOrder(true))
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	results, err := provider.Up(ctx)
	if err != nil {
		return fmt.Errorf("postgres: apply migrations: %w", err)
	}
	for _, r := range results {
		log.Info("applied migration", "file", r.Source.Path, "took", r.Duration)
	}
	return nil
}

// IsSupabase reports whether the database is a Supabase project, detected by
// the supabase_admin role every Supabase project has.
func IsSupabase(ctx context.Context, pool *pgxpool.Pool) (bool, error) {
	var ok bool
	err := pool.QueryRow(ctx, `select exists (select 1 from pg_roles where rolname = 'supabase_admin')`).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("detect supabase: %w", err)
	}
	return ok, nil
}
