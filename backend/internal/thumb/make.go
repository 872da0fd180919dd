package thumb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// jpegQuality is the quality of opaque thumbnails: small files, and no
// artefacts a person sees at thumbnail size.
const jpegQuality = 80

// make writes the thumbnail of rel (info says its size) at width w to
// cached: decoded through the image budget, scaled, and stored as a JPEG,
// or a PNG when it has transparency.
func (m *Maker) make(ctx context.Context, rel, cached string, w int, info imaging.Info) error {
	select {
	case m.slots <- struct{}{}:
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	defer func() { <-m.slots }()
	f, err := os.OpenInRoot(m.dir, filepath.FromSlash(rel))
	if err != nil {
		return ErrNotFound
	}
	data, err := io.ReadAll(io.LimitReader(f, blob.MaxSize+1))
	_ = f.Close()
	if err != nil {
		return fmt.Errorf("thumb: read %s: %w", rel, err)
	}
	h := max(1, int(math.Round(float64(info.Height)*float64(w)/float64(info.Width))))
	img, _, _, err := m.images.CoverImage(ctx, data, w, h)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnfit, err)
	}
	var buf bytes.Buffer
	if img.Opaque() {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		return fmt.Errorf("thumb: encode %s: %w", rel, err)
	}
	return writeAtomic(cached, buf.Bytes())
}

// writeAtomic writes data to name through a temporary file, so a reader
// never sees half a thumbnail.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("thumb: cache folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("thumb: cache: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("thumb: cache: %w", errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("thumb: cache: %w", err)
	}
	return nil
}
