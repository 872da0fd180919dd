package httpapi

import (
	"net"
	"sync"
)

// LimitPerIP wraps ln so one client address holds at most n connections at
// once; more are closed as soon as they are accepted. A crowd of idle
// connections from one place cannot use up the process's file descriptors,
// and healthz keeps answering. n <= 0 means no limit.
func LimitPerIP(ln net.Listener, n int) net.Listener {
	if n <= 0 {
		return ln
	}
	return &perIP{Listener: ln, max: n, open: map[string]int{}}
}

// perIP is the limiting listener.
type perIP struct {
	net.Listener
	max  int
	mu   sync.Mutex
	open map[string]int
}

// Accept returns the next connection its address has room for.
func (l *perIP) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		host, _, _ := net.SplitHostPort(c.RemoteAddr().String())
		l.mu.Lock()
		if l.open[host] >= l.max {
			l.mu.Unlock()
			_ = c.Close()
			continue
		}
		l.open[host]++
		l.mu.Unlock()
		return &counted{Conn: c, release: func() { l.release(host) }}, nil
	}
}

// release frees one connection of host.
func (l *perIP) release(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[host]--; l.open[host] <= 0 {
		delete(l.open, host)
	}
}

// counted is a connection that frees its slot once when closed.
type counted struct {
	net.Conn
	once    sync.Once
	release func()
}

// Close closes the connection and frees its slot.
func (c *counted) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}
