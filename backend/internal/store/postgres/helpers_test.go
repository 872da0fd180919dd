package postgres_test

import (
	"context"
	"io"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/visualadgen/visualadgen/backend/internal/store/postgres"
)

// postgresMigrate applies bootstrap and migrations to an existing pool.
func postgresMigrate(pool *pgxpool.Pool) error {
	return postgres.Migrate(context.Background(), pool, slog.New(slog.NewTextHandler(io.Discard, nil)))
}
