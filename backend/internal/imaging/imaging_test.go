package imaging

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPreviewIsDeterministicAtTheAskedSize renders the same prompt twice.
func TestPreviewIsDeterministicAtTheAskedSize(t *testing.T) {
	a, err := Preview("red sneakers on a beach", "fal-ai/flux/schnell", 0, 640, 480)
	require.NoError(t, err)
	b, err := Preview("red sneakers on a beach", "fal-ai/flux/schnell", 0, 640, 480)
	require.NoError(t, err)
	require.True(t, bytes.Equal(a, b))
	w, h, err := Size(a)
	require.NoError(t, err)
	require.Equal(t, [2]int{640, 480}, [2]int{w, h})
}

// TestFit crops to each ad ratio and passes a fitting image through.
func TestFit(t *testing.T) {
	ctx, budget := context.Background(), NewBudget(40_000_000, 2)
	src, err := Preview("x", "m", 0, 400, 300)
	require.NoError(t, err)
	for _, name := range RatioNames() {
		target, ok := Lookup(name)
		require.True(t, ok, name)
		out, changed, err := budget.Fit(ctx, src, target)
		require.NoError(t, err)
		if name == "4:3" {
			require.False(t, changed, "400x300 is already 4:3")
			continue
		}
		require.True(t, changed, name)
		w, h, err := Size(out)
		require.NoError(t, err)
		require.Equal(t, target.Width, w, name)
		require.Equal(t, target.Height, h, name)
	}
	square, _ := Lookup("1:1")
	sq, _ := Preview("x", "m", 0, 500, 500)
	out, changed, err := budget.Fit(ctx, sq, square)
	require.NoError(t, err)
	require.False(t, changed)
	require.True(t, bytes.Equal(sq, out), "already square: untouched")
	_, _, err = budget.Fit(ctx, []byte("not an image"), square)
	require.ErrorContains(t, err, "not a PNG, JPEG or WebP")
}
