package cost

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPrices checks per-image and per-megapixel prices.
func TestPrices(t *testing.T) {
	require.Equal(t, 0.006, Of(Price{Unit: PerImage, USD: 0.003}, []Size{{1024, 768}, {1024, 768}}))
	require.Equal(t, 0.025, Of(Price{Unit: PerImage, USD: 0.025}, []Size{{512, 512}}))
	require.Equal(t, 0.002097, Of(Price{Unit: PerMegapixel, USD: 0.002}, []Size{{1024, 1024}}), "1.048576 MP at $0.002/MP")
	require.Equal(t, 0.0, Of(Price{Unit: PerImage, USD: 0.003}, nil))
}
