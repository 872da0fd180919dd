package queue

import (
	"context"
	"log/slog"
)

// routine lowers River's info logs (a client starting, a leader elected,
// jobs rescued, a queue's maintenance) to debug: they are routine, and at
// info they flood a developer's terminal. Warnings and errors stay as they
// are.
type routine struct{ slog.Handler }

// quiet returns log with River's routine logs at debug level.
func quiet(log *slog.Logger) *slog.Logger { return slog.New(routine{log.Handler()}) }

// Enabled reports whether a record of level l, as lowered, would be logged.
func (r routine) Enabled(ctx context.Context, l slog.Level) bool {
	return r.Handler.Enabled(ctx, lower(l))
}

// Handle logs the record at its lowered level.
func (r routine) Handle(ctx context.Context, rec slog.Record) error {
	rec.Level = lower(rec.Level)
	return r.Handler.Handle(ctx, rec)
}

// WithAttrs keeps the lowering on a derived handler.
func (r routine) WithAttrs(attrs []slog.Attr) slog.Handler {
	return routine{r.Handler.WithAttrs(attrs)}
}

// WithGroup keeps the lowering on a derived handler.
func (r routine) WithGroup(name string) slog.Handler { return routine{r.Handler.WithGroup(name)} }

// lower maps info to debug.
func lower(l slog.Level) slog.Level {
	if l == slog.LevelInfo {
		return slog.LevelDebug
	}
	return l
}
