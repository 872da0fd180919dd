// Package blob stores images where they will not expire: a folder under
// DATA_DIR served by the backend, or a Supabase Storage bucket.
package blob

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// MaxSize is the largest image accepted (an upload or a generated image).
const MaxSize = 20 << 20

// allowedTypes are the types we store: images, and the fonts of brand kits.
var allowedTypes = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "font/ttf": ".ttf", "font/otf": ".otf"}

// Store keeps images and returns URLs for them.
type Store interface {
	// Put saves data under key (no extension) and returns its URL.
	Put(ctx context.Context, key, contentType string, data []byte) (string, error)
	// Get reads an image this store returned the URL of.
	Get(ctx context.Context, url string) ([]byte, error)
	// Delete removes the objects this store returned the URLs of; one
	// already gone, or a URL that is not this store's, is skipped.
	Delete(ctx context.Context, urls ...string) error
}

// OpaqueDir is the folder of the keys NewKey makes.
const OpaqueDir = "u"

// NewKey is an opaque key for a new object: a random 128-bit name that says
// nothing of who stored it (the database records the owner).
func NewKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return OpaqueDir + "/" + hex.EncodeToString(b[:])
}

// Check refuses what is not an image of an allowed type and size.
func Check(contentType string, size int) (ext string, err error) {
	ext, ok := allowedTypes[contentType]
	if !ok {
		return "", fmt.Errorf("%q is not an accepted type (PNG, JPEG or WebP images, TTF or OTF fonts)", contentType)
	}
	if size == 0 || size > MaxSize {
		return "", fmt.Errorf("the image is %d bytes; it must be between 1 byte and %d MB", size, MaxSize>>20)
	}
	return ext, nil
}

// Local stores images in Dir and serves them under Prefix ("/files").
type Local struct {
	Dir    string // folder on disk
	Prefix string // URL path prefix, possibly absolute (PUBLIC_BASE_URL + "/files")
}

// Put writes the file atomically and returns its URL.
func (l Local) Put(_ context.Context, key, contentType string, data []byte) (string, error) {
	ext, err := Check(contentType, len(data))
	if err != nil {
		return "", err
	}
	rel := path.Clean("/" + key + ext)[1:]
	full := filepath.Join(l.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", pathless("store "+rel, err)
	}
	tmp := full + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return "", pathless("store "+rel, err)
	}
	if err := os.Rename(tmp, full); err != nil {
		return "", pathless("store "+rel, err)
	}
	return l.Prefix + "/" + rel, nil
}

// pathless reports a file error by what was being done and the system's
// reason, never with the server's folder in it (node errors reach users).
func pathless(what string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return fmt.Errorf("blob: %s: no such image", what)
		}
		return fmt.Errorf("blob: %s: %v", what, pe.Err)
	}
	return fmt.Errorf("blob: %s: %v", what, err)
}

// Get reads an image by the URL Put returned.
func (l Local) Get(_ context.Context, url string) ([]byte, error) {
	rel, ok := l.key(url)
	if !ok {
		return nil, errors.New("blob: not a local image URL: " + url)
	}
	data, err := os.ReadFile(filepath.Join(l.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, pathless("read "+rel, err)
	}
	return data, nil
}

// Delete removes the files of the URLs Put returned.
func (l Local) Delete(_ context.Context, urls ...string) error {
	for _, u := range urls {
		rel, ok := l.key(u)
		if !ok || rel == "" {
			continue
		}
		if err := os.Remove(filepath.Join(l.Dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return pathless("delete "+rel, err)
		}
	}
	return nil
}

// Owns reports whether url is one of this folder's (under its prefix).
func (l Local) Owns(url string) bool {
	_, ok := l.key(url)
	return ok
}

// key is the file's path under Dir (slashes) for a URL Put returned; a
// path that would leave the folder is cleaned into it.
func (l Local) key(url string) (string, bool) {
	rel, ok := strings.CutPrefix(url, l.Prefix+"/")
	if !ok {
		return "", false
	}
	return path.Clean("/" + rel)[1:], true
}
