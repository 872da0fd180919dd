package cost

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBriefPrices checks the brief's three prices.
func TestBriefPrices(t *testing.T) {
	tab := Default()
	c, err := tab.Of("fal-ai/flux/schnell", []Size{{1024, 768}, {1024, 768}})
	require.NoError(t, err)
	require.Equal(t, 0.006, c)
	c, err = tab.Of("fal-ai/flux/dev", []Size{{512, 512}})
	require.NoError(t, err)
	require.Equal(t, 0.025, c)
	c, err = tab.Of("fal-ai/stable-diffusion-xl", []Size{{1024, 1024}})
	require.NoError(t, err)
	require.Equal(t, 0.002097, c, "1.048576 MP at $0.002/MP")
	_, err = tab.Of("nope", nil)
	require.ErrorContains(t, err, `no price for model "nope"`)
}
