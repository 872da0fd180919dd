package imaging

import (
	"bytes"
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
	src, err := Preview("x", "m", 0, 400, 300)
	require.NoError(t, err)
	for _, name := range RatioNames {
		out, changed, err := Fit(src, Targets[name])
		require.NoError(t, err)
		require.True(t, changed, name)
		w, h, err := Size(out)
		require.NoError(t, err)
		require.Equal(t, Targets[name].Width, w, name)
		require.Equal(t, Targets[name].Height, h, name)
	}
	sq, _ := Preview("x", "m", 0, 500, 500)
	out, changed, err := Fit(sq, Targets["1:1"])
	require.NoError(t, err)
	require.False(t, changed)
	require.True(t, bytes.Equal(sq, out), "already square: untouched")
	_, _, err = Fit([]byte("not an image"), Targets["1:1"])
	require.ErrorContains(t, err, "decode image")
}
