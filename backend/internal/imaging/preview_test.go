package imaging

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// edgeShare is the share of a region's neighbouring pixel pairs whose
// lightness differs sharply (as at a letter's stroke): text makes many,
// soft shapes few.
func edgeShare(img image.Image, r image.Rectangle) float64 {
	luma := func(x, y int) float64 {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return (0.2126*float64(cr) + 0.7152*float64(cg) + 0.0722*float64(cb)) / 257
	}
	sharp, all := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x+1 < r.Max.X; x++ {
			all++
			if math.Abs(luma(x, y)-luma(x+1, y)) > 40 {
				sharp++
			}
		}
	}
	return float64(sharp) / float64(max(all, 1))
}

// TestPreviewIsQuietWithASmallLabelInTheCorner renders previews at three
// ad shapes: no text anywhere a layout puts words (the prompt is no longer
// drawn), and the PREVIEW label only in the top right corner, within 7% of
// the short side from the top.
func TestPreviewIsQuietWithASmallLabelInTheCorner(t *testing.T) {
	for _, size := range [][2]int{{1080, 1080}, {912, 1136}, {768, 1360}, {1408, 736}} {
		for i, prompt := range []string{"red canvas sneakers on a marble counter, soft light", "coffee", "a bold spring ad with a headline"} {
			data, err := Preview(prompt, "fal-ai/flux/schnell", i, size[0], size[1])
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(data))
			require.NoError(t, err)
			w, h := size[0], size[1]
			short := min(w, h)
			corner := image.Rect(w-short/4, 0, w, short*7/100)
			require.Less(t, edgeShare(img, image.Rect(0, corner.Max.Y, w, h)), 0.002, "%v %q: quiet below the label", size, prompt)
			require.Less(t, edgeShare(img, image.Rect(0, 0, corner.Min.X, corner.Max.Y)), 0.002, "%v %q: quiet left of the label", size, prompt)
			require.Greater(t, edgeShare(img, corner), 0.01, "%v %q: the label is in the corner", size, prompt)
		}
	}
}

// TestPreviewVariesWithThePromptAndTheImage draws different scenes for
// different prompts and for the images of one request.
func TestPreviewVariesWithThePromptAndTheImage(t *testing.T) {
	a, _ := Preview("sneakers", "m", 0, 200, 200)
	b, _ := Preview("coffee", "m", 0, 200, 200)
	c, _ := Preview("sneakers", "m", 1, 200, 200)
	require.False(t, bytes.Equal(a, b))
	require.False(t, bytes.Equal(a, c))
}
