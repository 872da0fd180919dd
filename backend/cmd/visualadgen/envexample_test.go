package main

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/joho/godotenv"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/config"
)

// envExample is the repository's .env.example, from this package's folder.
const envExample = "../../../.env.example"

// devSection is how .env.example's last section starts: the variables
// after it are for development and tests (Vite, the test runner, e2e), and
// the server must not read them.
const devSection = "# --- Development and tests (not read by the server)"

// TestEnvExampleAgreesWithConfig holds .env.example to config.Load, the one
// home of the server's variables and their defaults: every variable Load
// asks for is documented, every documented one (but the development
// section's) is read, a value the file gives is Load's default (setting it
// changes nothing), and the file copied to .env as it is is a valid
// configuration that serves as the defaults do.
func TestEnvExampleAgreesWithConfig(t *testing.T) {
	values, err := godotenv.Read(envExample) // as the server reads a .env
	require.NoError(t, err)
	devOnly := devVariables(t)

	asked := map[string]bool{}
	defaults, err := config.Load(func(name string) string {
		asked[name] = true
		return ""
	})
	require.NoError(t, err)
	require.NotEmpty(t, asked)

	for name := range asked {
		_, ok := values[name]
		require.True(t, ok, "config reads %s: document it in .env.example, with its default", name)
		require.False(t, devOnly[name], "%s is read by the server: move it out of .env.example's development section", name)
	}
	for name, value := range values {
		if devOnly[name] {
			continue
		}
		require.True(t, asked[name], "%s is in .env.example but the server never reads it (a development or test variable belongs in the last section)", name)
		if value == "" {
			continue
		}
		got, err := config.Load(func(n string) string {
			if n == name {
				return value
			}
			return ""
		})
		require.NoError(t, err, "%s=%s", name, value)
		require.Equal(t, defaults, got, ".env.example says %s=%s, which is not config's default", name, value)
	}

	lookup, err := config.WithDotenv(func(string) string { return "" }, envExample)
	require.NoError(t, err)
	copied, err := config.Load(lookup)
	require.NoError(t, err, ".env.example copied to .env")
	require.Equal(t, defaults, copied, ".env.example copied to .env serves as the defaults do")
}

// devVariables are the variables of .env.example's last section, which
// must be the development one.
func devVariables(t *testing.T) map[string]bool {
	f, err := os.Open(envExample)
	require.NoError(t, err)
	defer f.Close()
	assignment := regexp.MustCompile(`^([A-Z][A-Z0-9_]*)=`)
	var last string
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# ---") {
			last, names = line, nil
		}
		if m := assignment.FindStringSubmatch(line); m != nil {
			names = append(names, m[1])
		}
	}
	require.NoError(t, sc.Err())
	require.True(t, strings.HasPrefix(last, devSection), "the last section of .env.example is the development one, headed %q", devSection)
	require.NotEmpty(t, names)
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out
}
