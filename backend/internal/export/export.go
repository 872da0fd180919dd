// Package export writes a run's final ads as a zip: each image under its
// placement's folder, and manifest.json describing every one.
package export

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode"
)

// Entry is one image of the zip and what the manifest says of it.
type Entry struct {
	Path string `json:"file"`
	// Final is the final's id (GET /api/executions/{id} lists it in finals).
	Final     string            `json:"final"`
	Placement string            `json:"placement,omitempty"`
	Platform  string            `json:"platform,omitempty"`
	Ratio     string            `json:"ratio"`
	Width     int               `json:"width"`
	Height    int               `json:"height"`
	Bytes     int               `json:"bytes"`
	Model     string            `json:"model,omitempty"`
	Endpoint  string            `json:"endpoint,omitempty" doc:"The FAL endpoint that generated its picture."`
	Seed      *int64            `json:"seed,omitempty"`
	Prompt    string            `json:"prompt,omitempty"`
	Texts     map[string]string `json:"texts,omitempty" doc:"The layout's headline, subline and call to action."`
	Layout    any               `json:"layout,omitempty" doc:"Each drawn element's box, and the contrast measured."`
	Cost      *float64          `json:"cost,omitempty" doc:"This image's share of its generation's cost."`
	// ReusedFrom is the final of an earlier run this one reused (the same
	// picture and words, paid then).
	ReusedFrom *string `json:"reused_from,omitempty"`
	url        string
}

// Manifest is manifest.json.
type Manifest struct {
	Workflow  string  `json:"workflow"`
	Execution string  `json:"execution"`
	Images    []Entry `json:"images"`
}

// Add names an entry's file, <folder>/<workflow>-<n>.<ext> with n counted
// per folder, and keeps the URL of its image for Write.
func (m *Manifest) Add(e Entry, url string) {
	folder := e.Placement
	if folder == "" {
		folder = strings.NewReplacer(":", "x", ".", "_").Replace(e.Ratio)
	}
	n := 1
	for _, o := range m.Images {
		if strings.HasPrefix(o.Path, folder+"/") {
			n++
		}
	}
	ext := "png"
	if strings.HasSuffix(url, ".jpg") {
		ext = "jpg"
	}
	e.Path, e.url = fmt.Sprintf("%s/%s-%d.%s", folder, Slug(m.Workflow), n, ext), url
	m.Images = append(m.Images, e)
}

// Write writes the zip: each image (read with read, one at a time, so a
// big export never sits in memory; stored, as images are compressed
// already), then manifest.json with each image's size as written.
func (m *Manifest) Write(w io.Writer, read func(url string) ([]byte, error)) error {
	z := zip.NewWriter(w)
	for i, e := range m.Images {
		data, err := read(e.url)
		if err != nil {
			return err
		}
		if http.DetectContentType(data) == "image/jpeg" != strings.HasSuffix(e.Path, ".jpg") {
			return fmt.Errorf("export: %s is not the type its name says", e.url)
		}
		f, err := z.CreateHeader(&zip.FileHeader{Name: e.Path, Method: zip.Store})
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
		m.Images[i].Bytes = len(data)
	}
	f, err := z.Create("manifest.json")
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	return z.Close()
}

// Slug makes a name safe as a file name: lower-case letters and digits
// joined by single dashes ("Spring sale!" is "spring-sale").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "ad"
	}
	return b.String()
}
