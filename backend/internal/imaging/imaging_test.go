package imaging

import (
	"bytes"
	"context"
	"net/http"
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

// TestCover delivers every ad ratio at its exact pixel size, says how much
// it cropped, and passes an image of that size through untouched.
func TestCover(t *testing.T) {
	ctx, budget := context.Background(), NewBudget(40_000_000, 2)
	src, err := Preview("x", "m", 0, 400, 300)
	require.NoError(t, err)
	for _, name := range RatioNames() {
		target, ok := Lookup(name)
		require.True(t, ok, name)
		out, crop, changed, err := budget.Cover(ctx, src, target.Width, target.Height, PNG)
		require.NoError(t, err)
		require.True(t, changed, name)
		w, h, err := Size(out)
		require.NoError(t, err)
		require.Equal(t, [2]int{target.Width, target.Height}, [2]int{w, h}, name)
		if name == "4:3" {
			require.Zero(t, crop, "400x300 is already 4:3: scaled, not cropped")
		} else {
			require.Greater(t, crop, 0.0, name)
		}
	}
	sq, _ := Preview("x", "m", 0, 1080, 1080)
	out, _, changed, err := budget.Cover(ctx, sq, 1080, 1080, PNG)
	require.NoError(t, err)
	require.False(t, changed)
	require.True(t, bytes.Equal(sq, out), "already 1080x1080: untouched")
	photo, _, _, err := budget.Cover(ctx, sq, 912, 1136, JPEG)
	require.NoError(t, err)
	require.Equal(t, "image/jpeg", http.DetectContentType(photo))
	_, _, _, err = budget.Cover(ctx, []byte("not an image"), 1080, 1080, PNG)
	require.ErrorContains(t, err, "not a PNG, JPEG or WebP")
}
