package config

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMetricsAddr checks METRICS_ADDR: off when unset, a bare port on
// loopback, never the public port, and one line naming it when malformed.
func TestMetricsAddr(t *testing.T) {
	for raw, want := range map[string]string{
		"":               "",
		":9090":          "127.0.0.1:9090",
		"127.0.0.1:0":    "127.0.0.1:0",
		"localhost:9100": "localhost:9100",
		"[::1]:9090":     "[::1]:9090",
		"0.0.0.0:9090":   "0.0.0.0:9090",
	} {
		c, err := Load(env(map[string]string{"METRICS_ADDR": raw}))
		require.NoError(t, err, raw)
		require.Equal(t, want, c.MetricsAddr, raw)
	}
	for _, raw := range []string{"9090", "127.0.0.1", "127.0.0.1:http", "127.0.0.1:70000", "a b:9090", "host/x:9090", ":8000"} {
		_, err := Load(env(map[string]string{"METRICS_ADDR": raw}))
		require.Error(t, err, raw)
		require.Contains(t, err.Error(), "METRICS_ADDR", raw)
	}
	_, err := Load(env(map[string]string{"PORT": "9100", "METRICS_ADDR": "0.0.0.0:9100"}))
	require.ErrorContains(t, err, "must not be PORT (9100)", "the public port, whatever the host")
	_, err = Load(env(map[string]string{"PORT": "0", "METRICS_ADDR": "127.0.0.1:0"}))
	require.NoError(t, err, "two free ports are two ports")
}
