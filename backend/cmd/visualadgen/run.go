package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/httpapi"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// run wires the whole backend and serves until ctx ends or a SIGINT or
// SIGTERM arrives; running requests then get SHUTDOWN_GRACE to finish.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	fs := flag.NewFlagSet("visualadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	envFile := fs.String("env-file", ".env", "optional file of KEY=VALUE settings; the environment wins")
	addrFile := fs.String("addr-file", "", "write the listening address to this file once serving")
	openapi := fs.String("openapi", "", "write the OpenAPI document to this file and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *openapi != "" {
		return writeOpenAPI(*openapi)
	}
	lookup, err := config.WithDotenv(getenv, *envFile)
	if err != nil {
		return err
	}
	cfg, err := config.Load(lookup)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	// A relative DATA_DIR is relative to the settings file's folder (the
	// repository's root in development), so `make dev` and the single binary
	// share one data folder whatever the working directory.
	if !filepath.IsAbs(cfg.DataDir) {
		cfg.DataDir = filepath.Join(filepath.Dir(*envFile), cfg.DataDir)
	}
	log := newLogger(cfg, stdout)

	ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)))
	if err != nil {
		return fmt.Errorf("listen on %s:%d: %w", cfg.Host, cfg.Port, err)
	}
	addr := ln.Addr().String()
	app, err := wire(ctx, cfg, log, addr)
	if err != nil {
		_ = ln.Close()
		return err
	}
	defer app.close()
	log.Info("serving", "url", "http://"+addr, "docs", "http://"+addr+"/docs",
		"database", app.dbName, "auth", cfg.AuthMode(), "metrics", app.metricsURL)
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(addr), 0o600); err != nil {
			return fmt.Errorf("write -addr-file: %w", err)
		}
	}
	// Event streams lift the write deadline for themselves.
	srv := &http.Server{Handler: app.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(httpapi.LimitPerIP(ln, cfg.Limits.ConnsPerIP)) }()

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", cfg.ShutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// newLogger builds the structured logger LOG_LEVEL and LOG_FORMAT ask for.
func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
