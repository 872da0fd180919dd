// Package config reads the server's settings from the environment and an
// optional .env file, and validates them before anything starts.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config is every setting the backend reads. Empty strings mean "not set":
// each outside service then falls back to its embedded default (see design.md).
type Config struct {
	Host    string // HOST: interface to listen on
	Port    int    // PORT: TCP port, 0 picks a free one
	DataDir string // DATA_DIR: SQLite file and local images

	DatabaseURL string // DATABASE_URL: Postgres; empty selects SQLite

	SupabaseURL            string // SUPABASE_URL: enables Supabase auth and storage
	SupabasePublishableKey string // SUPABASE_PUBLISHABLE_KEY: sent to the browser
	SupabaseSecretKey      string // SUPABASE_SECRET_API_KEY: server-only (storage uploads)
	SupabaseJWTSecret      string // SUPABASE_JWT_SECRET: legacy HS256 projects
	StorageBucket          string // SUPABASE_STORAGE_BUCKET: bucket for generated images

	FalKey          string // FAL_KEY: enables FAL; empty selects the preview renderer
	FalQueueBaseURL string // FAL_QUEUE_BASE_URL

	RapidAPIKey           string // RAPIDAPI_KEY
	RapidAPIRedditBaseURL string // RAPIDAPI_REDDIT_BASE_URL
	RapidAPIRedditHost    string // RAPIDAPI_REDDIT_HOST

	PublicBaseURL string // PUBLIC_BASE_URL: absolute prefix for locally stored image URLs
	FrontendDir   string // FRONTEND_DIR: built frontend to serve at /

	LogLevel  string // LOG_LEVEL: debug, info, warn, error
	LogFormat string // LOG_FORMAT: text or json

	Workers        int           // ENGINE_WORKERS: node jobs worked at once by this process
	MaxParallel    int           // ENGINE_MAX_PARALLEL: running nodes per execution
	NodeTimeout    time.Duration // ENGINE_NODE_TIMEOUT: longest a single node job may run
	RescueAfter    time.Duration // ENGINE_RESCUE_AFTER: when a job of a dead process is retried
	ShutdownGrace  time.Duration // SHUTDOWN_GRACE: time running requests get on shutdown
	AllowNoAuthLAN bool          // ALLOW_UNAUTHENTICATED_NETWORK: bind local mode to non-loopback
}

// AuthMode reports "supabase" when users sign in with Supabase, else "local".
func (c Config) AuthMode() string {
	if c.SupabaseURL != "" {
		return "supabase"
	}
	return "local"
}

// Load reads and validates every variable through lookup (an environment
// reader). All problems are reported together, one line per variable.
func Load(lookup func(string) string) (Config, error) {
	p := parser{lookup: lookup}
	c := Config{
		Host:                   p.str("HOST", "127.0.0.1"),
		Port:                   p.integer("PORT", 8000, 0, 65535),
		DataDir:                p.str("DATA_DIR", "./data"),
		DatabaseURL:            p.dbURL("DATABASE_URL"),
		SupabaseURL:            strings.TrimRight(p.httpURL("SUPABASE_URL", ""), "/"),
		SupabasePublishableKey: p.str("SUPABASE_PUBLISHABLE_KEY", ""),
		SupabaseSecretKey:      p.str("SUPABASE_SECRET_API_KEY", ""),
		SupabaseJWTSecret:      p.str("SUPABASE_JWT_SECRET", ""),
		StorageBucket:          p.str("SUPABASE_STORAGE_BUCKET", "ad-images"),
		FalKey:                 p.str("FAL_KEY", ""),
		FalQueueBaseURL:        strings.TrimRight(p.httpURL("FAL_QUEUE_BASE_URL", "https://queue.fal.run"), "/"),
		RapidAPIKey:            p.str("RAPIDAPI_KEY", ""),
		RapidAPIRedditBaseURL:  strings.TrimRight(p.httpURL("RAPIDAPI_REDDIT_BASE_URL", "https://reddit34.p.rapidapi.com"), "/"),
		RapidAPIRedditHost:     p.str("RAPIDAPI_REDDIT_HOST", "reddit34.p.rapidapi.com"),
		PublicBaseURL:          strings.TrimRight(p.httpURL("PUBLIC_BASE_URL", ""), "/"),
		FrontendDir:            p.str("FRONTEND_DIR", ""),
		LogLevel:               p.oneOf("LOG_LEVEL", "info", "debug", "info", "warn", "error"),
		LogFormat:              p.oneOf("LOG_FORMAT", "text", "text", "json"),
		Workers:                p.integer("ENGINE_WORKERS", 16, 1, 1000),
		MaxParallel:            p.integer("ENGINE_MAX_PARALLEL", 8, 1, 1000),
		NodeTimeout:            p.duration("ENGINE_NODE_TIMEOUT", 2*time.Minute),
		RescueAfter:            p.duration("ENGINE_RESCUE_AFTER", 0),
		ShutdownGrace:          p.duration("SHUTDOWN_GRACE", 15*time.Second),
		AllowNoAuthLAN:         p.boolean("ALLOW_UNAUTHENTICATED_NETWORK", false),
	}
	if c.RescueAfter == 0 {
		c.RescueAfter = c.NodeTimeout + 30*time.Second
	} else if c.RescueAfter <= c.NodeTimeout {
		p.fail("ENGINE_RESCUE_AFTER", "must be longer than ENGINE_NODE_TIMEOUT (%s)", c.NodeTimeout)
	}
	if c.SupabaseURL == "" && !c.AllowNoAuthLAN && !isLoopback(c.Host) {
		p.fail("HOST", "%q is not a loopback address; without SUPABASE_URL every visitor would act as the one local user (set SUPABASE_URL, or ALLOW_UNAUTHENTICATED_NETWORK=true if you mean it)", c.Host)
	}
	if c.SupabaseURL != "" && c.SupabasePublishableKey == "" {
		p.fail("SUPABASE_PUBLISHABLE_KEY", "is required when SUPABASE_URL is set (the browser signs in with it)")
	}
	return c, errors.Join(p.errs...)
}

// isLoopback reports whether host names only this machine.
func isLoopback(host string) bool {
	return host == "localhost" || strings.HasPrefix(host, "127.") || host == "::1"
}

// parser collects one error per bad variable while reading.
type parser struct {
	lookup func(string) string
	errs   []error
}

// fail records that variable name is wrong.
func (p *parser) fail(name, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s %s", name, fmt.Sprintf(format, args...)))
}

// str returns the trimmed value of name, or def when unset.
func (p *parser) str(name, def string) string {
	if v := strings.TrimSpace(p.lookup(name)); v != "" {
		return v
	}
	return def
}

// integer parses name as an integer within [min, max].
func (p *parser) integer(name string, def, min, max int) int {
	raw := p.str(name, "")
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < min || n > max {
		p.fail(name, "must be a whole number from %d to %d, got %q", min, max, raw)
		return def
	}
	return n
}

// duration parses name as a Go duration such as "90s" or "5m".
func (p *parser) duration(name string, def time.Duration) time.Duration {
	raw := p.str(name, "")
	if raw == "" {
		return def
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		p.fail(name, "must be a positive duration such as 30s or 5m, got %q", raw)
		return def
	}
	return d
}

// boolean parses name as true/false.
func (p *parser) boolean(name string, def bool) bool {
	raw := p.str(name, "")
	if raw == "" {
		return def
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		p.fail(name, "must be true or false, got %q", raw)
		return def
	}
	return b
}

// oneOf checks that name is one of the allowed values.
func (p *parser) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(p.str(name, def))
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.fail(name, "must be one of %s, got %q", strings.Join(allowed, ", "), v)
	return def
}

// httpURL checks that name is an absolute http(s) URL.
func (p *parser) httpURL(name, def string) string {
	raw := p.str(name, def)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.fail(name, "must be an absolute http(s) URL, got %q", raw)
		return def
	}
	return raw
}

// dbURL checks that name is a postgres:// connection URL.
func (p *parser) dbURL(name string) string {
	raw := p.str(name, "")
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		p.fail(name, "must be a postgres://user:password@host:port/database URL, got a malformed value")
		return ""
	}
	return raw
}

// DB returns the database URL (empty for SQLite) and the data folder.
func (c Config) DB() (url, dataDir string) { return c.DatabaseURL, c.DataDir }
