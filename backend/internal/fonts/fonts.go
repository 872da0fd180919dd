// Package fonts holds the open-licence font families bundled in the binary
// (Inter, Open Sans and Lato, regular and bold, with their licence files in
// files/) and parses uploaded TTF/OTF fonts, with go-text/typesetting.
package fonts

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"
)

//go:embed files
var files embed.FS

// Family is one bundled font family.
type Family struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Licence string `json:"licence"`
	regular string
	bold    string
}

// families are the bundled families; each covers Latin with accents,
// Greek and Cyrillic (checked by a test).
var families = []Family{
	{ID: "inter", Name: "Inter", Licence: "SIL Open Font License 1.1", regular: "Inter-Regular.otf", bold: "Inter-Bold.otf"},
	{ID: "open-sans", Name: "Open Sans", Licence: "Apache License 2.0", regular: "OpenSans-Regular.ttf", bold: "OpenSans-Bold.ttf"},
	{ID: "lato", Name: "Lato", Licence: "SIL Open Font License 1.1", regular: "Lato-Regular.ttf", bold: "Lato-Bold.ttf"},
}

// Default is the family used when a brand names none.
const Default = "inter"

// Families lists the bundled families.
func Families() []Family { return append([]Family(nil), families...) }

// IDs lists the bundled families' ids.
func IDs() []string {
	out := make([]string, len(families))
	for i, f := range families {
		out[i] = f.ID
	}
	return out
}

// parsed caches the bundled fonts by file name; a *font.Font is safe for
// concurrent use (a *font.Face is not: make one per use with font.NewFace).
var parsed sync.Map

// Bundled returns a bundled family's regular or bold font.
func Bundled(id string, bold bool) (*font.Font, error) {
	for _, f := range families {
		if f.ID != id {
			continue
		}
		name := f.regular
		if bold {
			name = f.bold
		}
		if v, ok := parsed.Load(name); ok {
			return v.(*font.Font), nil
		}
		data, err := files.ReadFile("files/" + name)
		if err != nil {
			return nil, err
		}
		ft, err := Parse(data)
		if err != nil {
			return nil, fmt.Errorf("fonts: the bundled %s: %w", name, err)
		}
		parsed.Store(name, ft)
		return ft, nil
	}
	return nil, fmt.Errorf("no bundled font family %q; choose one of %v", id, IDs())
}

// MaxBytes bounds an uploaded font.
const MaxBytes = 10 << 20

// Parse reads a TTF or OTF font and checks it can set basic Latin text.
// Before go-text reads the file, the file's format and table directory are
// checked, and every glyph is measured against the bounds in glyf.go and
// charstring.go: a glyph that expands without bound would exhaust memory
// when drawn.
func Parse(data []byte) (ft *font.Font, err error) {
	if len(data) == 0 || len(data) > MaxBytes {
		return nil, fmt.Errorf("a font must be between 1 byte and %d MB", MaxBytes>>20)
	}
	defer func() { // a hostile file must not take the process down
		if r := recover(); r != nil {
			ft, err = nil, fmt.Errorf("the file is not a font this server can read")
		}
	}()
	if err := check(data); err != nil {
		return nil, err
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the file is not a TTF or OTF font: %v", err)
	}
	for _, r := range "AZaz09" {
		if _, ok := face.NominalGlyph(r); !ok {
			return nil, fmt.Errorf("the font has no glyph for %q: it cannot set ad copy", r)
		}
	}
	return face.Font, nil
}

// check is everything read of an upload before go-text reads it: a plain
// TTF or OTF, outlines only, and every glyph within bounds.
func check(data []byte) error {
	tables, err := readTables(data)
	if err != nil {
		return err
	}
	for _, step := range []func(map[string][]byte) error{outlinesOnly, checkGlyf, checkCFF} {
		if err := step(tables); err != nil {
			return err
		}
	}
	return nil
}

// Missing lists the characters of text that ft has no glyph for (at most
// ten), so a layout can say what it cannot set.
func Missing(ft *font.Font, text string) []rune {
	face := font.NewFace(ft)
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if r == ' ' || r == '\n' || seen[r] {
			continue
		}
		seen[r] = true
		if _, ok := face.NominalGlyph(r); !ok {
			out = append(out, r)
			if len(out) == 10 {
				break
			}
		}
	}
	return out
}
