package httpapi

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// lastSet remembers the last number a gauge was told.
type lastSet struct{ v float64 }

// Set remembers v.
func (g *lastSet) Set(v float64) { g.v = v }

// TestStreamsTellTheGauge: the gauge follows the open streams as they
// open, are evicted for a user with fewer, and close.
func TestStreamsTellTheGauge(t *testing.T) {
	g := &lastSet{}
	s := newStreams(2, 2, g)
	closeA, err := s.acquire("a", func() {})
	require.NoError(t, err)
	_, err = s.acquire("a", func() {})
	require.NoError(t, err)
	require.Equal(t, 2.0, g.v)
	closeB, err := s.acquire("b", func() {})
	require.NoError(t, err, "b takes a's oldest")
	require.Equal(t, 2.0, g.v, "one evicted, one opened")
	closeA() // evicted already: counts nothing twice
	require.Equal(t, 2.0, g.v)
	closeB()
	require.Equal(t, 1.0, g.v)
}
