package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestPublic tells public addresses from the ones downloads must not reach.
func TestPublic(t *testing.T) {
	for addr, public := range map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1::1": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.100.100.200": false, "0.0.0.0": false, "::1": false,
		"fd00:ec2::254": false, "fe80::1": false, "::ffff:127.0.0.1": false, "64:ff9b::a00:1": false,
	} {
		require.Equal(t, public, Public(netip.MustParseAddr(addr)), addr)
	}
}

// TestRefusesPrivateAndRedirects refuses a loopback server directly and
// through a redirect from an allowed one, and caps sizes.
func TestRefusesPrivateAndRedirects(t *testing.T) {
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/jump" {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
			return
		}
		_, _ = w.Write([]byte(strings.Repeat("x", 2048)))
	}))
	defer big.Close()
	ctx := context.Background()
	_, _, err := Get(ctx, Client(false, time.Second), big.URL, 1<<20)
	require.ErrorIs(t, err, ErrPrivate, "loopback is refused")
	onlyLoopback := client(func(a netip.Addr) bool { return a.IsLoopback() }, time.Second)
	_, _, err = Get(ctx, onlyLoopback, big.URL+"/jump", 1<<20)
	require.ErrorIs(t, err, ErrPrivate, "the redirect's target is dialled and checked again")
	_, _, err = Get(ctx, Client(true, time.Second), big.URL, 1024)
	require.ErrorContains(t, err, "larger than")
	data, _, err := Get(ctx, Client(true, time.Second), big.URL, 1<<20)
	require.NoError(t, err)
	require.Len(t, data, 2048)
	_, _, err = Get(ctx, Client(true, time.Second), "file:///etc/passwd", 1<<20)
	require.ErrorContains(t, err, "http(s)")
}
