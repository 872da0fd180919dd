package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/config"
	"github.com/visualadgen/visualadgen/backend/internal/metrics"
)

// serveMetrics serves m's /metrics on METRICS_ADDR, a listener apart from
// the public server's, until the app closes, and records its URL in
// a.metricsURL ("off" when METRICS_ADDR is empty) for the "serving" line.
func serveMetrics(cfg config.Config, a *app, m *metrics.Metrics, log *slog.Logger) error {
	a.metricsURL = "off"
	if cfg.MetricsAddr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", cfg.MetricsAddr)
	if err != nil {
		return fmt.Errorf("listen on METRICS_ADDR %s: %w", cfg.MetricsAddr, err)
	}
	a.metricsURL = "http://" + ln.Addr().String() + "/metrics"
	srv := &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics: serving stopped", "err", err)
		}
	}()
	a.closers = append(a.closers, func() {
		sctx, cancel := context.WithTimeout(context.Background(), metricsGrace)
		defer cancel()
		_ = srv.Shutdown(sctx)
		<-done
	})
	return nil
}

// metricsGrace is how long a scrape in progress gets at shutdown.
const metricsGrace = 5 * time.Second
