package creatives

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/placements"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// target is one format an Output delivers: a placement, or its ratio.
type target struct {
	placement     string
	ratio         string
	width, height int
	maxBytes      int64 // 0: no limit
}

// targetsOf lists what the config delivers: each placement, or the ratio.
func targetsOf(c OutputConfig) []target {
	if len(c.Placements) == 0 {
		t, _ := imaging.Lookup(c.AspectRatio)
		return []target{{ratio: c.AspectRatio, width: t.Width, height: t.Height}}
	}
	var out []target
	for _, id := range c.Placements {
		if p, ok := placements.Get(id); ok {
			out = append(out, target{placement: id, ratio: executor.RatioName(p.Width, p.Height), width: p.Width, height: p.Height, maxBytes: p.MaxBytes})
		}
	}
	return out
}

// forWhom names a placement target in a message (" for meta_stories").
func (t target) forWhom() string {
	if t.placement == "" {
		return ""
	}
	return " for " + t.placement
}

// source is one image an Output received.
type source struct {
	url           string
	data          []byte
	width, height int
}

// pool is the images an Output received, in order.
type pool []source

// read loads the received images and sizes them from their headers.
func (o output) read(ctx context.Context, urls []string) (pool, error) {
	out := make(pool, 0, len(urls))
	for i, u := range urls {
		data, err := o.blobs.Get(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("read image %d: %w", i+1, err)
		}
		info, err := o.images.Inspect(data)
		if err != nil {
			return nil, fmt.Errorf("image %d: %w", i+1, err)
		}
		out = append(out, source{url: u, data: data, width: info.Width, height: info.Height})
	}
	return out, nil
}

// pick takes up to n images of t's ratio (within 1%), or of any ratio when
// none has it.
func (p pool) pick(t target, n int) []source {
	want := float64(t.width) / float64(t.height)
	var same []source
	for _, s := range p {
		if math.Abs(float64(s.width)/float64(s.height)-want)/want < 0.01 {
			same = append(same, s)
		}
	}
	if len(same) == 0 {
		same = p
	}
	return same[:min(n, len(same))]
}

// deliver makes the i-th final of t from src: at t's exact size, with the
// layout drawn on it when there is one, as PNG, or JPEG when PNG would pass
// the placement's file limit.
func (o output) deliver(ctx context.Context, r *executor.Run, t target, i int, src source, c *composer) (executor.FinalImage, error) {
	f := executor.FinalImage{Placement: t.placement, Ratio: t.ratio, Width: t.width, Height: t.height, Source: src.url}
	img, crop, same, err := o.images.CoverImage(ctx, src.data, t.width, t.height)
	if err != nil {
		return f, fmt.Errorf("image %d: %w", i+1, err)
	}
	f.Crop = math.Round(crop*1000) / 1000
	data := src.data
	if c != nil {
		res, err := c.apply(ctx, img, t)
		if err != nil {
			return f, err
		}
		f.Layout, same = &res, false
	}
	if !same {
		if data, err = imaging.Encode(img, imaging.PNG); err != nil {
			return f, err
		}
	}
	ctype := "image/png"
	if t.maxBytes > 0 && int64(len(data)) > t.maxBytes {
		if data, err = o.images.FitBytes(ctx, data, t.maxBytes); err != nil {
			return f, fmt.Errorf("image %d for %s: %w", i+1, t.placement, err)
		}
		ctype, same = "image/jpeg", false
	}
	f.Bytes = len(data)
	written := int64(len(data))
	if same {
		written = 0 // passed through: nothing new is stored
	}
	if r.Deliver != nil {
		if err := r.Deliver(ctx, 1, written); err != nil {
			return f, err
		}
	}
	if same {
		f.URL = src.url
		return f, nil
	}
	name := t.placement
	if name == "" {
		name = strings.NewReplacer(":", "x", ".", "_").Replace(t.ratio)
	}
	key := fmt.Sprintf("outputs/%s/%s-%s-%d", r.ExecutionID, r.NodeID, name, i)
	if f.URL, err = executor.Keep(ctx, o.blobs, r, key, store.FileFinal, ctype, data); err != nil {
		return f, executor.Retryable(fmt.Errorf("store image %d: %w", i+1, err))
	}
	return f, nil
}

// finalURLs lists the finals' URLs (the brief's final_images).
func finalURLs(finals []executor.FinalImage) []string {
	out := make([]string, len(finals))
	for i, f := range finals {
		out[i] = f.URL
	}
	return out
}
