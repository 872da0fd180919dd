package thumb

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// TestSnap checks that any width gets one of the fixed few.
func TestSnap(t *testing.T) {
	for w, want := range map[int]int{1: 160, 160: 160, 161: 320, 320: 320, 500: 640, 640: 640, 100000: 640} {
		require.Equal(t, want, Snap(w), w)
	}
}

// TestFrontendAsksForTheseWidths checks that the frontend's srcset offers
// exactly the widths made here (frontend/src/lib/thumbs.ts).
func TestFrontendAsksForTheseWidths(t *testing.T) {
	src, err := os.ReadFile("../../../frontend/src/lib/thumbs.ts")
	require.NoError(t, err)
	m := regexp.MustCompile(`THUMB_WIDTHS = \[([\d,\s]+)\]`).FindSubmatch(src)
	require.NotNil(t, m, "THUMB_WIDTHS is declared")
	var theirs []int
	for _, s := range strings.Split(string(m[1]), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		require.NoError(t, err)
		theirs = append(theirs, n)
	}
	require.Equal(t, Widths, theirs)
}

// TestPruneKeepsOnlyThumbnailsOfStoredImages checks that the start-up
// prune removes the thumbnails of deleted images and half-written files,
// and nothing else.
func TestPruneKeepsOnlyThumbnailsOfStoredImages(t *testing.T) {
	root := t.TempDir()
	dir, cache := filepath.Join(root, "files"), filepath.Join(root, "thumbs")
	write := func(p string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	write(filepath.Join(dir, "u", "kept.png"))
	for _, name := range []string{"u/kept.png.160", "u/kept.png.640", "u/gone.png.160", "old/gone.jpg.320", "u/.tmp-123"} {
		write(filepath.Join(cache, filepath.FromSlash(name)))
	}
	m := New(dir, cache, imaging.NewBudget(1000, 1))
	n, err := m.Prune(context.Background())
	require.NoError(t, err)
	require.Equal(t, 3, n)
	left, err := filepath.Glob(filepath.Join(cache, "*", "*"))
	require.NoError(t, err)
	require.ElementsMatch(t, []string{filepath.Join(cache, "u", "kept.png.160"), filepath.Join(cache, "u", "kept.png.640")}, left)
	require.NoDirExists(t, filepath.Join(cache, "old"), "an emptied folder goes")
	n, err = New(dir, filepath.Join(root, "none"), nil).Prune(context.Background())
	require.NoError(t, err)
	require.Zero(t, n, "no cache yet")
}
