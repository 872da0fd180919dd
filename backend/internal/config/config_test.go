package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// env builds a lookup from pairs.
func env(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

// TestDefaultsServeLocally checks that no configuration is a valid one.
func TestDefaultsServeLocally(t *testing.T) {
	c, err := Load(env(nil))
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1", c.Host)
	require.Equal(t, 8000, c.Port)
	require.Equal(t, "local", c.AuthMode())
	require.Equal(t, "https://queue.fal.run", c.FalQueueBaseURL)
	require.Equal(t, 2*time.Minute+30*time.Second, c.RescueAfter)
}

// TestBadVariablesAreNamed checks that each wrong variable gets one line naming it.
func TestBadVariablesAreNamed(t *testing.T) {
	cases := map[string]map[string]string{
		"PORT":                     {"PORT": "abc"},
		"DATABASE_URL":             {"DATABASE_URL": "mysql://x"},
		"FAL_QUEUE_BASE_URL":       {"FAL_QUEUE_BASE_URL": "not a url"},
		"ENGINE_NODE_TIMEOUT":      {"ENGINE_NODE_TIMEOUT": "-3s"},
		"HOST":                     {"HOST": "0.0.0.0"},
		"LOG_LEVEL":                {"LOG_LEVEL": "loud"},
		"SUPABASE_PUBLISHABLE_KEY": {"SUPABASE_URL": "https://x.supabase.co"},
	}
	for name, vars := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load(env(vars))
			require.Error(t, err)
			require.True(t, strings.HasPrefix(err.Error(), name+" "), err.Error())
			require.NotContains(t, err.Error(), "\n")
		})
	}
}

// TestSeveralErrorsAtOnce checks that all problems are reported together.
func TestSeveralErrorsAtOnce(t *testing.T) {
	_, err := Load(env(map[string]string{"PORT": "70000", "DATA_DIR": "x", "ENGINE_WORKERS": "0"}))
	require.Error(t, err)
	require.Len(t, strings.Split(err.Error(), "\n"), 2)
}

// TestDotenvFillsGaps checks that the real environment wins over .env.
func TestDotenvFillsGaps(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	require.NoError(t, os.WriteFile(path, []byte("PORT=9001\nFAL_KEY=from-file # comment\n"), 0o600))
	lookup, err := WithDotenv(env(map[string]string{"PORT": "9002"}), path)
	require.NoError(t, err)
	c, err := Load(lookup)
	require.NoError(t, err)
	require.Equal(t, 9002, c.Port)
	require.Equal(t, "from-file", c.FalKey)

	lookup, err = WithDotenv(env(nil), filepath.Join(t.TempDir(), "missing"))
	require.NoError(t, err)
	require.Equal(t, "", lookup("PORT"))
}

// TestLoopbackIsParsed tells loopback addresses by parsing them, so a name
// that merely starts with 127. is not one.
func TestLoopbackIsParsed(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true,
		"localhost": true, "LOCALHOST": true, "127.evil.example": false, "0.0.0.0": false, "192.168.1.2": false} {
		require.Equal(t, want, IsLoopback(host), host)
	}
	_, err := Load(func(k string) string { return map[string]string{"HOST": "127.evil.example"}[k] })
	require.ErrorContains(t, err, "not a loopback address")
}
