package fonts

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBundledFamiliesCoverTheScripts sets Latin with accents, Greek and
// Cyrillic in every bundled family, regular and bold.
func TestBundledFamiliesCoverTheScripts(t *testing.T) {
	for _, f := range Families() {
		for _, bold := range []bool{false, true} {
			ft, err := Bundled(f.ID, bold)
			require.NoError(t, err, f.ID)
			require.Empty(t, string(Missing(ft, "Éte déjà Ünïcödé çà Ελληνικά Кириллица ŁŹŻ")), f.ID)
		}
		_, err := os.Stat("files/LICENSE-" + map[string]string{"inter": "Inter", "open-sans": "OpenSans", "lato": "Lato"}[f.ID] + ".txt")
		require.NoError(t, err, "its licence is bundled")
	}
	_, err := Bundled("comic-sans", false)
	require.ErrorContains(t, err, "choose one of")
}

// TestUploadsAreParsed refuses what is not a font, without panicking.
func TestUploadsAreParsed(t *testing.T) {
	data, err := files.ReadFile("files/Lato-Bold.ttf")
	require.NoError(t, err)
	_, err = Parse(data)
	require.NoError(t, err)
	for _, bad := range [][]byte{nil, []byte("not a font"), data[:200], append([]byte("OTTO"), make([]byte, 500)...)} {
		_, err := Parse(bad)
		require.Error(t, err)
	}
}

// TestPictureFontsAreRefused refuses a font carrying a bitmap table (its
// glyphs would be pictures decoded without limit when drawn).
func TestPictureFontsAreRefused(t *testing.T) {
	data, err := files.ReadFile("files/Lato-Regular.ttf")
	require.NoError(t, err)
	bomb := append([]byte(nil), data...)
	copy(bomb[12:16], "sbix") // the first table record now names a bitmap table
	_, err = Parse(bomb)
	require.ErrorContains(t, err, "draws glyphs as pictures")
}
