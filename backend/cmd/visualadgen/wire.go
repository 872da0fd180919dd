package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/engine"
	"github.com/visualadgen/visualadgen/backend/internal/events"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/files"
	"github.com/visualadgen/visualadgen/backend/internal/httpapi"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/metrics"
	"github.com/visualadgen/visualadgen/backend/internal/queue"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/supabase"
)

// app is the wired backend: its handler and what must be closed.
type app struct {
	handler    http.Handler
	dbName     string
	metricsURL string // where /metrics is served, or "off"
	closers    []func()
}

// close releases everything wire opened, in reverse order.
func (a *app) close() {
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
}

// wire builds the backend from the configuration: the database, the job
// queue and engine, the executors and their outside services, and the API.
func wire(ctx context.Context, cfg config.Config, log *slog.Logger, addr string) (*app, error) {
	a := &app{}
	hub := events.NewHub()
	db, err := openDatabase(ctx, cfg, log, hub, a)
	if err != nil {
		a.close()
		return nil, err
	}
	m := metrics.New(metrics.Sources{Queue: db.queue, Spending: db.store}, log)
	blobs, filesDir := storage(cfg)
	sweeper := startSweeping(ctx, a, db.store, blobs, log)
	redditClient := &reddit.Client{BaseURL: cfg.RapidAPIRedditBaseURL, Host: cfg.RapidAPIRedditHost, Key: cfg.RapidAPIKey, CacheFor: cfg.RedditCacheFor}
	images := imaging.NewBudget(cfg.Limits.MaxImagePixels, decodeSlots)
	reg, err := registry(cfg, files.Store{Store: blobs, DB: db.store}, redditClient, images, kits{st: db.store}, m)
	if err != nil {
		a.close()
		return nil, err
	}
	eng := engine.New(db.store, reg, db.publisher, db.queue, log, engine.Config{MaxParallel: cfg.MaxParallel, MaxAttempts: 3, NodeTimeout: cfg.NodeTimeout, Run: cfg.Limits.Run, Observer: m})
	a.closers = append(a.closers, eng.Drain) // after the queue stops (closers run last first): ended runs' cancels reach FAL
	hooks := queue.Hooks{Run: eng.RunNode, Rescued: eng.Rescued, Reconcile: eng.Reconcile, Repair: eng.Repair}
	if err := db.queue.Start(context.WithoutCancel(ctx), hooks); err != nil {
		a.close()
		return nil, err
	}
	a.closers = append(a.closers, func() {
		sctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
		defer cancel()
		_ = db.queue.Stop(sctx)
	})
	go cancelOnFinal(ctx, hub, eng)

	auth, err := authenticator(ctx, cfg, db.store)
	if err != nil {
		a.close()
		return nil, err
	}
	public := httpapi.Public{AuthMode: cfg.AuthMode(), SupabaseURL: cfg.SupabaseURL,
		SupabasePublishableKey: cfg.SupabasePublishableKey, ImageGeneration: "preview", RedditConfigured: cfg.RapidAPIKey != ""}
	if cfg.FalKey != "" {
		public.ImageGeneration = "fal"
	}
	var thumbs httpapi.Thumbnails
	if filesDir != "" {
		thumbs = startThumbs(ctx, filesDir, filepath.Join(cfg.DataDir, "thumbs"), images, log)
	}
	a.handler = httpapi.NewServer(httpapi.Deps{Log: log, Store: db.store, Engine: eng, Hub: hub, Auth: auth,
		Blobs: blobs, FilesDir: filesDir, Thumbs: thumbs, Files: sweeper, Reddit: redditClient, Public: public,
		Uploads: httpapi.UploadLimits{Images: images,
			Quota: store.Quota{Files: cfg.Limits.UploadQuotaCount, Bytes: cfg.Limits.UploadQuotaBytes}},
		Streams:            httpapi.StreamLimits{PerUser: cfg.Limits.StreamsPerUser, Total: cfg.Limits.Streams, MaxAge: cfg.Limits.StreamMaxAge, Open: m.Streams()},
		EstimatesPerMinute: cfg.Limits.EstimatesPerMinute,
		Local:              localCallers(cfg, addr),
		Frontend:           cfg.FrontendDir, Version: version})
	a.dbName = db.store.Dialect()
	if err := serveMetrics(cfg, a, m, log); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

// registry is the one list of node types: adding one is one line here.
func registry(cfg config.Config, blobs blob.Store, redditClient *reddit.Client, images *imaging.Budget, brand creatives.BrandKits, times executor.FALTimes) (*executor.Registry, error) {
	models, err := imagemodel.Default().WithPrices(cfg.FalPrices)
	if err != nil {
		return nil, fmt.Errorf("configuration: FAL_PRICES %w", err)
	}
	downloads := fetch.Client(cfg.Limits.AllowPrivateFetches, time.Minute)
	var gen executor.Generator = executor.Preview{}
	if cfg.FalKey != "" {
		gen = executor.FAL{Client: &fal.Client{BaseURL: cfg.FalQueueBaseURL, Key: cfg.FalKey},
			Downloads: downloads, Images: images, Watching: executor.NewWatchers(), Times: times}
	}
	return executor.NewRegistry(
		executor.NewTextInput(),
		executor.NewImageInput(),
		executor.NewSocialMedia(redditClient),
		executor.NewPrompt(),
		executor.NewImageModel(executor.ImageModelDeps{Models: models, Gen: gen, Blobs: blobs, Images: images,
			Downloads: downloads, Preview: cfg.FalKey == ""}),
		creatives.NewOutput(blobs, images),
		creatives.NewAdLayout(brand),
	)
}

// localCallers is who may call in local mode: requests addressed to this
// machine's loopback names on the port served (any host when the operator
// allowed the network), and changes from the server's own origin or the dev
// server's.
func localCallers(cfg config.Config, addr string) httpapi.Local {
	if cfg.AuthMode() != "local" {
		return httpapi.Local{}
	}
	l := httpapi.Local{On: true, Origins: cfg.Limits.AllowedOrigins}
	if cfg.AllowNoAuthLAN {
		return l
	}
	_, port, _ := net.SplitHostPort(addr)
	for _, h := range []string{cfg.Host, "127.0.0.1", "localhost", "[::1]"} {
		if config.IsLoopback(h) {
			l.Hosts = append(l.Hosts, net.JoinHostPort(strings.Trim(h, "[]"), port))
		}
	}
	return l
}

// storage picks Supabase Storage or the local folder for images.
func storage(cfg config.Config) (blob.Store, string) {
	if cfg.SupabaseURL != "" && cfg.SupabaseSecretKey != "" {
		return blob.Supabase{URL: cfg.SupabaseURL, SecretKey: cfg.SupabaseSecretKey, Bucket: cfg.StorageBucket, CacheSeconds: cfg.StorageCacheSeconds}, ""
	}
	dir := filepath.Join(cfg.DataDir, "files")
	return blob.Local{Dir: dir, Prefix: cfg.PublicBaseURL + "/files"}, dir
}

// authenticator is Supabase sign-in, or the one local user.
func authenticator(ctx context.Context, cfg config.Config, st *store.Store) (httpapi.Authenticator, error) {
	st.SetBudgets(store.Budgets{NewUser: cfg.DefaultBudget, Max: cfg.MaxBudget, Server: cfg.ServerBudget})
	if cfg.SupabaseURL != "" {
		return &supabase.Verifier{URL: cfg.SupabaseURL, PublishableKey: cfg.SupabasePublishableKey,
			JWTSecret: cfg.SupabaseJWTSecret, Users: st}, nil
	}
	if err := st.UpsertUser(ctx, supabase.LocalUser); err != nil {
		return nil, fmt.Errorf("create the local user: %w", err)
	}
	return supabase.Local{User: supabase.LocalUser}, nil
}

// cancelOnFinal cancels this process's running nodes of any execution that
// ended elsewhere (cancelled on another replica, or a sibling failed).
func cancelOnFinal(ctx context.Context, hub *events.Hub, eng *engine.Engine) {
	sub := hub.Subscribe("")
	defer sub.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-sub.C:
			eng.OnEvent(ev)
		}
	}
}

// decodeSlots is how many images decode at once (each can take
// MAX_IMAGE_PIXELS x 4 bytes of memory while it does).
const decodeSlots = 2

// stopTimeout bounds how long running node jobs get at shutdown.
const stopTimeout = 10 * time.Second
