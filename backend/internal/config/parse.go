package config

import (
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
)

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

// list reads name as comma-separated values (blanks dropped).
func (p *parser) list(name, def string) []string {
	var out []string
	for _, v := range strings.Split(p.str(name, def), ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// prices parses name as a JSON object of FAL endpoint ids to prices, such
// as {"fal-ai/flux/dev":{"unit":"megapixel","usd":0.025}}. Whether each id
// is a supported endpoint is checked against the model table at start.
func (p *parser) prices(name string) map[string]cost.Price {
	raw := p.str(name, "")
	if raw == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	var out map[string]cost.Price
	if err := dec.Decode(&out); err != nil {
		p.fail(name, `must be a JSON object such as {"fal-ai/flux/dev":{"unit":"megapixel","usd":0.025}}: %v`, err)
		return nil
	}
	for id, price := range out {
		if msg := price.Check(); msg != "" {
			p.fail(name, "%s: %s", id, msg)
		}
	}
	return out
}

// optionalUSD parses name as an amount of dollars from 0 to 1,000,000, or
// nil when unset.
func (p *parser) optionalUSD(name string) *float64 {
	raw := p.str(name, "")
	if raw == "" {
		return nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v < 0 || v > 1_000_000 || v != v {
		p.fail(name, "must be an amount of US dollars from 0 to 1000000, got %q", raw)
		return nil
	}
	return &v
}

// listenAddr reads name as a host:port to listen on, or "" when unset. A
// bare :port listens on loopback (127.0.0.1), never on every interface by
// accident; the port may not be public, the server's own PORT.
func (p *parser) listenAddr(name string, public int) string {
	raw := p.str(name, "")
	if raw == "" {
		return ""
	}
	host, port, err := net.SplitHostPort(raw)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 0 || n > 65535 || strings.ContainsFunc(host, notHostRune) {
		p.fail(name, "must be host:port such as 127.0.0.1:9090, got %q", raw)
		return ""
	}
	if n != 0 && n == public {
		p.fail(name, "must not be PORT (%d): it is served apart from the public server", public)
		return ""
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// notHostRune reports whether r cannot be part of a host name or an IP
// address (IPv6 included).
func notHostRune(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '-' || r == ':')
}
