package faltest

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
)

// failFirst answers with the first of statuses, if any is left, and
// drops it; it reports whether it answered.
func (s *Server) failFirst(w http.ResponseWriter, statuses *[]int) bool {
	if len(*statuses) == 0 {
		return false
	}
	code := (*statuses)[0]
	*statuses = (*statuses)[1:]
	if code == http.StatusGatewayTimeout && s.TimeoutType != "" {
		w.Header().Set("X-Fal-Request-Timeout-Type", s.TimeoutType)
	}
	w.WriteHeader(code)
	_, _ = fmt.Fprintf(w, `{"detail":"failed with %d","error_type":"internal_error"}`, code)
	return true
}

// result answers the model's output: images of the size FAL makes (served
// at an eighth of it, for fast tests), has_nsfw_concepts, and the billed
// units in x-fal-billable-units.
func (s *Server) result(w http.ResponseWriter, path string) {
	s.Calls["result"]++
	if s.failFirst(w, &s.ResultErrors) {
		return
	}
	parts := strings.Split(path, "/")
	id := parts[len(parts)-1]
	var sub Submit
	for i, x := range s.Submits {
		if fmt.Sprintf("req-%d", i+1) == id {
			sub = x
		}
	}
	wd, ht := outputSize(sub.Endpoint, sub.Input)
	n := 1
	if v, ok := sub.Input["num_images"].(float64); ok {
		n = int(v)
	}
	images := []map[string]any{}
	nsfw := []bool{}
	for i := range n {
		images = append(images, map[string]any{"url": fmt.Sprintf("%s/images/%dx%d/%s-%d.png", s.URL, max(wd/8, 1), max(ht/8, 1), id, i),
			"width": wd, "height": ht, "content_type": "image/png"})
		nsfw = append(nsfw, i < len(s.NSFW) && s.NSFW[i])
	}
	if units, ok := billableUnits(sub.Endpoint, wd, ht, n); ok && !s.NoBillableUnits {
		w.Header().Set("X-Fal-Billable-Units", fmt.Sprint(units))
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"images": images, "seed": 42, "has_nsfw_concepts": nsfw, "prompt": sub.Input["prompt"]})
}

// image serves a PNG of the size in its name.
func (s *Server) image(w http.ResponseWriter, path string) {
	var wd, ht int
	_, _ = fmt.Sscanf(strings.TrimPrefix(path, "images/"), "%dx%d", &wd, &ht)
	if wd <= 0 || ht <= 0 {
		wd, ht = 64, 64
	}
	img := image.NewRGBA(image.Rect(0, 0, wd, ht))
	for y := range ht {
		for x := range wd {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	w.Header().Set("Content-Type", "image/png")
	_ = png.Encode(w, img)
}
