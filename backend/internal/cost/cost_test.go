package cost

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPrices checks per-image prices and per-megapixel prices rounded up
// to whole megapixels of 1,048,576 pixels per image.
func TestPrices(t *testing.T) {
	mp := func(usd float64) Price { return Price{Unit: PerMegapixel, USD: usd} }
	require.Equal(t, 0.005, Of(Price{Unit: PerImage, USD: 0.0025}, []Size{{1024, 768}, {1024, 768}}))
	require.Equal(t, 0.003, Of(mp(0.003), []Size{{1024, 1024}}), "exactly one megapixel")
	require.Equal(t, 0.006, Of(mp(0.003), []Size{{1024, 1040}}), "a row more is a second megapixel")
	require.Equal(t, 0.05, Of(mp(0.025), []Size{{512, 512}, {1408, 736}}), "each image rounds up on its own")
	require.Equal(t, 0.075, Billed(mp(0.025), 3))
	require.Equal(t, 0.075200, Billed(mp(0.025), 3.008), "FAL's billed units may be fractional")
	require.Equal(t, 0.0, Of(mp(0.003), nil))
	require.NotEmpty(t, Price{Unit: "second", USD: 1}.Check())
	require.NotEmpty(t, Price{Unit: PerImage, USD: -1}.Check())
	require.Empty(t, mp(0.03).Check())
}
