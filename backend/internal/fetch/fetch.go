// Package fetch downloads from addresses that outside services name (FAL's
// result images): it refuses private, loopback, link-local and metadata
// addresses, checked on the address actually dialled (after DNS resolution,
// and again for every redirect, since each one dials anew), and caps sizes.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// blocked are address ranges a download must never reach besides the
// loopback, private, link-local and unspecified ones net/netip knows.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT, used by some clouds inside
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("64:ff9b::/96"),  // NAT64, which can reach IPv4 private space
}

// ErrPrivate is returned for an address a download may not reach.
var ErrPrivate = errors.New("the address is private, loopback, link-local or a metadata service")

// Public reports whether addr is an ordinary public address.
func Public(addr netip.Addr) bool {
	addr = addr.Unmap()
	if addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() ||
		addr.IsMulticast() || addr.IsUnspecified() || addr.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range blocked {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// Client is an HTTP client for downloads named by outside answers. With
// allowPrivate (tests and local fakes only) every address is allowed.
func Client(allowPrivate bool, timeout time.Duration) *http.Client {
	if allowPrivate {
		return client(func(netip.Addr) bool { return true }, timeout)
	}
	return client(Public, timeout)
}

// client is Client with the rule for which dialled addresses are allowed.
func client(allowed func(netip.Addr) bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !allowed(ap.Addr()) {
			return ErrPrivate
		}
		return nil
	}}
	tr := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second, MaxIdleConnsPerHost: 4, Proxy: nil}
	return &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		return nil
	}}
}

// Get downloads url with c, reading at most maxBytes; a larger body is an
// error that says so.
func Get(ctx context.Context, c *http.Client, url string, maxBytes int64) ([]byte, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", fmt.Errorf("bad download address: %w", err)
	}
	if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
		return nil, "", fmt.Errorf("downloads must be http(s), not %q", req.URL.Scheme)
	}
	res, err := c.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivate) {
			return nil, "", fmt.Errorf("refused to download from %s: %w", req.URL.Host, ErrPrivate)
		}
		return nil, "", fmt.Errorf("download from %s: %w", req.URL.Host, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("download from %s: HTTP %d", req.URL.Host, res.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, maxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("download from %s: %w", req.URL.Host, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, "", fmt.Errorf("download from %s: larger than %d MB", req.URL.Host, maxBytes>>20)
	}
	return data, http.DetectContentType(data), nil
}
