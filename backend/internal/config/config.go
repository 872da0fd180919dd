// Package config reads the server's settings from the environment and an
// optional .env file, and validates them before anything starts.
package config

import (
	"errors"
	"net"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
)

// Config is every setting the backend reads. Empty strings mean "not set":
// each outside service then falls back to its embedded default (see design.md).
type Config struct {
	Host    string // HOST: interface to listen on
	Port    int    // PORT: TCP port, 0 picks a free one
	DataDir string // DATA_DIR: SQLite file and local images

	// MetricsAddr is where Prometheus metrics are served (METRICS_ADDR,
	// host:port; a bare :port is loopback's); empty: not served.
	MetricsAddr string

	DatabaseURL string // DATABASE_URL: Postgres; empty selects SQLite

	SupabaseURL            string // SUPABASE_URL: enables Supabase auth and storage
	SupabasePublishableKey string // SUPABASE_PUBLISHABLE_KEY: sent to the browser
	SupabaseSecretKey      string // SUPABASE_SECRET_API_KEY: server-only (storage uploads)
	SupabaseJWTSecret      string // SUPABASE_JWT_SECRET: legacy HS256 projects
	StorageBucket          string // SUPABASE_STORAGE_BUCKET: bucket for generated images
	StorageCacheSeconds    int    // SUPABASE_STORAGE_CACHE_SECONDS: cache-control max-age of uploaded images

	FalKey          string // FAL_KEY: enables FAL; empty selects the preview renderer
	FalQueueBaseURL string // FAL_QUEUE_BASE_URL
	// FalPrices corrects the model table's prices by FAL endpoint id
	// (FAL_PRICES, JSON); nil keeps FAL's published prices.
	FalPrices map[string]cost.Price

	RapidAPIKey           string        // RAPIDAPI_KEY
	RapidAPIRedditBaseURL string        // RAPIDAPI_REDDIT_BASE_URL
	RapidAPIRedditHost    string        // RAPIDAPI_REDDIT_HOST
	RedditCacheFor        time.Duration // REDDIT_CACHE_TTL: how long a subreddit's answer is reused

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

	Limits Limits // what one user or request may use of the shared server

	// DefaultBudget is the monthly budget, in US dollars, a new user starts
	// with (DEFAULT_MONTHLY_BUDGET_USD; nil: none).
	DefaultBudget *float64
	// MaxBudget is the most a user's monthly budget may be
	// (MAX_MONTHLY_BUDGET_USD; nil: no ceiling): a user may lower theirs,
	// never raise it past this, and no budget is never allowed under it.
	MaxBudget *float64
	// ServerBudget is what all users together may spend in a month on this
	// server's FAL key (SERVER_MONTHLY_BUDGET_USD; nil: no limit), reserved
	// and settled as a user's is.
	ServerBudget *float64
}

// Limits bound what one user or one request may use of the shared server.
type Limits struct {
	MaxImagePixels      int           // MAX_IMAGE_PIXELS: largest image decoded, in pixels
	UploadQuotaCount    int           // UPLOAD_QUOTA_COUNT: files kept uploaded per user (photos, logos, fonts)
	UploadQuotaBytes    int64         // UPLOAD_QUOTA_MB: bytes those files take in storage
	StreamsPerUser      int           // MAX_EVENT_STREAMS_PER_USER: open event streams per user
	Streams             int           // MAX_EVENT_STREAMS: open event streams per process
	StreamMaxAge        time.Duration // EVENT_STREAM_MAX_AGE: a stream's longest life (the browser reconnects)
	ConnsPerIP          int           // MAX_CONNECTIONS_PER_IP: open connections per client address
	AllowedOrigins      []string      // ALLOWED_ORIGINS: browser origins local mode accepts besides its own
	AllowPrivateFetches bool          // ALLOW_PRIVATE_DOWNLOADS: let image downloads reach private addresses (tests)
	EstimatesPerMinute  int           // ESTIMATES_PER_MINUTE: estimates of an unsaved graph per user
	Run                 RunLimits     // what one run may deliver
}

// RunLimits bound what one run may make, checked before it starts (on the
// graph as saved, however it was written) and while it runs.
type RunLimits struct {
	Nodes           int   // MAX_RUN_NODES: nodes in a run's graph
	FinalsPerOutput int   // MAX_FINALS_PER_OUTPUT: final ads one Output may deliver
	FinalsPerRun    int   // MAX_FINALS_PER_RUN: final ads one run may deliver
	Bytes           int64 // MAX_RUN_MB: bytes of final ads one run may write
	// UserBytes is what a user's runs may keep stored: generated images and
	// final ads together (OUTPUT_QUOTA_MB); deleting runs frees it.
	UserBytes int64
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
		StorageCacheSeconds:    p.integer("SUPABASE_STORAGE_CACHE_SECONDS", 3600, 0, 31_536_000),
		FalKey:                 p.str("FAL_KEY", ""),
		FalQueueBaseURL:        strings.TrimRight(p.httpURL("FAL_QUEUE_BASE_URL", "https://queue.fal.run"), "/"),
		FalPrices:              p.prices("FAL_PRICES"),
		RapidAPIKey:            p.str("RAPIDAPI_KEY", ""),
		RapidAPIRedditBaseURL:  strings.TrimRight(p.httpURL("RAPIDAPI_REDDIT_BASE_URL", "https://reddit34.p.rapidapi.com"), "/"),
		RapidAPIRedditHost:     p.str("RAPIDAPI_REDDIT_HOST", "reddit34.p.rapidapi.com"),
		RedditCacheFor:         p.duration("REDDIT_CACHE_TTL", 10*time.Minute),
		PublicBaseURL:          strings.TrimRight(p.httpURL("PUBLIC_BASE_URL", ""), "/"),
		FrontendDir:            p.str("FRONTEND_DIR", ""),
		LogLevel:               p.oneOf("LOG_LEVEL", "info", "debug", "info", "warn", "error"),
		LogFormat:              p.oneOf("LOG_FORMAT", "text", "text", "json"),
		Workers:                p.integer("ENGINE_WORKERS", 16, 1, 1000),
		MaxParallel:            p.integer("ENGINE_MAX_PARALLEL", 8, 1, 1000),
		NodeTimeout:            p.duration("ENGINE_NODE_TIMEOUT", 2*time.Minute),
		RescueAfter:            p.duration("ENGINE_RESCUE_AFTER", 0),
		ShutdownGrace:          p.duration("SHUTDOWN_GRACE", 15*time.Second),
		DefaultBudget:          p.optionalUSD("DEFAULT_MONTHLY_BUDGET_USD"),
		MaxBudget:              p.optionalUSD("MAX_MONTHLY_BUDGET_USD"),
		ServerBudget:           p.optionalUSD("SERVER_MONTHLY_BUDGET_USD"),
		AllowNoAuthLAN:         p.boolean("ALLOW_UNAUTHENTICATED_NETWORK", false),
		Limits: Limits{
			MaxImagePixels:      p.integer("MAX_IMAGE_PIXELS", 40_000_000, 1_000_000, 500_000_000),
			UploadQuotaCount:    p.integer("UPLOAD_QUOTA_COUNT", 500, 1, 1_000_000),
			UploadQuotaBytes:    int64(p.integer("UPLOAD_QUOTA_MB", 1024, 1, 10_000_000)) << 20,
			StreamsPerUser:      p.integer("MAX_EVENT_STREAMS_PER_USER", 20, 1, 10_000),
			Streams:             p.integer("MAX_EVENT_STREAMS", 2000, 1, 1_000_000),
			StreamMaxAge:        p.duration("EVENT_STREAM_MAX_AGE", 10*time.Minute),
			ConnsPerIP:          p.integer("MAX_CONNECTIONS_PER_IP", 256, 0, 1_000_000),
			AllowedOrigins:      p.list("ALLOWED_ORIGINS", "http://localhost:5173,http://127.0.0.1:5173"),
			AllowPrivateFetches: p.boolean("ALLOW_PRIVATE_DOWNLOADS", false),
			EstimatesPerMinute:  p.integer("ESTIMATES_PER_MINUTE", 120, 1, 100_000),
			Run: RunLimits{
				Nodes:           p.integer("MAX_RUN_NODES", 200, 1, 10_000),
				FinalsPerOutput: p.integer("MAX_FINALS_PER_OUTPUT", 200, 1, 100_000),
				FinalsPerRun:    p.integer("MAX_FINALS_PER_RUN", 400, 1, 1_000_000),
				Bytes:           int64(p.integer("MAX_RUN_MB", 1024, 1, 1_000_000)) << 20,
				UserBytes:       int64(p.integer("OUTPUT_QUOTA_MB", 10240, 1, 100_000_000)) << 20,
			},
		},
	}
	c.MetricsAddr = p.listenAddr("METRICS_ADDR", c.Port)
	if c.RescueAfter == 0 {
		c.RescueAfter = c.NodeTimeout + 30*time.Second
	} else if c.RescueAfter <= c.NodeTimeout {
		p.fail("ENGINE_RESCUE_AFTER", "must be longer than ENGINE_NODE_TIMEOUT (%s)", c.NodeTimeout)
	}
	if c.SupabaseURL == "" && !c.AllowNoAuthLAN && !IsLoopback(c.Host) {
		p.fail("HOST", "%q is not a loopback address; without SUPABASE_URL every visitor would act as the one local user (set SUPABASE_URL, or ALLOW_UNAUTHENTICATED_NETWORK=true if you mean it)", c.Host)
	}
	if c.MaxBudget != nil && c.DefaultBudget != nil && *c.DefaultBudget > *c.MaxBudget {
		p.fail("DEFAULT_MONTHLY_BUDGET_USD", "must be at most MAX_MONTHLY_BUDGET_USD ($%g)", *c.MaxBudget)
	}
	if c.SupabaseURL != "" && c.SupabasePublishableKey == "" {
		p.fail("SUPABASE_PUBLISHABLE_KEY", "is required when SUPABASE_URL is set (the browser signs in with it)")
	}
	return c, errors.Join(p.errs...)
}

// IsLoopback reports whether host names only this machine: "localhost" or
// a loopback address (parsed, so "127.evil.example" is not one).
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// DB returns the database URL (empty for SQLite) and the data folder.
func (c Config) DB() (url, dataDir string) { return c.DatabaseURL, c.DataDir }
