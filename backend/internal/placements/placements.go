// Package placements is the catalog of ad platforms' image formats: each
// placement's exact pixel size, the zone the platform covers with its own
// interface (where no text or logo may go), the largest file it accepts,
// and where those figures come from.
package placements

import (
	"fmt"
	"strings"
)

// Safe is the share of each edge that must carry no text or logo (0.14:
// the outer 14% of the height, from the top).
type Safe struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
}

// Placement is one platform format.
type Placement struct {
	ID       string `json:"id" doc:"Stable id, used in OUTPUT's placements."`
	Platform string `json:"platform"`
	Name     string `json:"name"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
	Safe     Safe   `json:"safe" doc:"Shares of each edge kept free of text and logo."`
	MaxBytes int64  `json:"max_bytes" doc:"The largest file the platform accepts."`
	Source   string `json:"source" doc:"Where the figures come from."`
}

// mb is a megabyte as the platforms count file sizes.
const mb = 1 << 20

// Sources of the figures (looked up 2026-11-26; re-check before changing):
//   - Meta feed: 1080x1080 and 4:5 1080x1350, 30 MB (Meta's ads guide, as
//     alladspecs.com and xyzlab.com quote it); Meta names no safe zone for
//     feed images;
//   - Meta Stories: 1080x1920, "leaving roughly 14% (250 pixels) of the top
//     and 20% (340 pixels) of the bottom of the image free from text, logos",
//     30 MB (Meta's ads guide, facebook-story);
//   - Meta Reels: 1080x1920; its safe zone (14% top, 35% bottom, 6% sides) is
//     from third parties (behaviour.digital, mediamaxnetwork.com), Meta's own
//     page was not found;
//   - Google responsive display: 1200x628 (1.91:1) and 1200x1200, 5120 KB
//     (Google Ads API ResponsiveDisplayAdInfo for the ratios; ppcbetter.com
//     for the size);
//   - LinkedIn single image: 1200x628 ("1.91:1 (recommended ratio) 1200 x 628
//     pixels", "File size 5 MB", linkedin.com/help/lms/answer/a426534);
//   - X single image: 1.91:1 ("800 x 418 pixels is recommended for 1.91:1",
//     "Max 5MB", business.x.com creative ad specifications), delivered at
//     1200x628, the same ratio at the resolution third parties list;
//   - Pinterest standard pin: 1000x1500 ("2:3 aspect ratio, or 1000 x 1500
//     pixels", "Max file size Desktop 20 MB", help.pinterest.com product specs).
var all = []Placement{
	{ID: "meta_feed_square", Platform: "Meta", Name: "Feed, square", Width: 1080, Height: 1080, MaxBytes: 30 * mb,
		Source: "Meta ads guide, feed image (via alladspecs.com)"},
	{ID: "meta_feed_portrait", Platform: "Meta", Name: "Feed, portrait 4:5", Width: 1080, Height: 1350, MaxBytes: 30 * mb,
		Source: "Meta ads guide, feed image (via alladspecs.com)"},
	{ID: "meta_stories", Platform: "Meta", Name: "Stories", Width: 1080, Height: 1920, Safe: Safe{Top: 0.14, Bottom: 0.20}, MaxBytes: 30 * mb,
		Source: "Meta ads guide, Stories: 14% top and 20% bottom free of text and logos"},
	{ID: "meta_reels", Platform: "Meta", Name: "Reels", Width: 1080, Height: 1920, Safe: Safe{Top: 0.14, Bottom: 0.35, Left: 0.06, Right: 0.06}, MaxBytes: 30 * mb,
		Source: "third parties (behaviour.digital, mediamaxnetwork.com): 14% top, 35% bottom, 6% sides"},
	{ID: "google_display_landscape", Platform: "Google", Name: "Display, landscape 1.91:1", Width: 1200, Height: 628, MaxBytes: 5120 << 10,
		Source: "Google Ads API ResponsiveDisplayAdInfo; 5120 KB per ppcbetter.com"},
	{ID: "google_display_square", Platform: "Google", Name: "Display, square", Width: 1200, Height: 1200, MaxBytes: 5120 << 10,
		Source: "Google Ads API ResponsiveDisplayAdInfo; 5120 KB per ppcbetter.com"},
	{ID: "linkedin_single", Platform: "LinkedIn", Name: "Single image", Width: 1200, Height: 628, MaxBytes: 5 * mb,
		Source: "linkedin.com/help/lms/answer/a426534: 1200 x 628, 5 MB"},
	{ID: "x_single", Platform: "X", Name: "Single image 1.91:1", Width: 1200, Height: 628, MaxBytes: 5 * mb,
		Source: "business.x.com creative specs: 1.91:1 (800 x 418 recommended), max 5 MB"},
	{ID: "pinterest_standard", Platform: "Pinterest", Name: "Standard pin 2:3", Width: 1000, Height: 1500, MaxBytes: 20 * mb,
		Source: "help.pinterest.com product specs: 1000 x 1500, 20 MB desktop"},
}

// All lists the placements, grouped by platform.
func All() []Placement { return append([]Placement(nil), all...) }

// IDs lists the placement ids, for the schema's enum.
func IDs() []string {
	out := make([]string, len(all))
	for i, p := range all {
		out[i] = p.ID
	}
	return out
}

// Get returns the placement with id.
func Get(id string) (Placement, bool) {
	for _, p := range all {
		if p.ID == id {
			return p, true
		}
	}
	return Placement{}, false
}

// Ratio is the placement's shape as a reduced "w:h" (1080:1350 is "4:5"):
// placements of one ratio share a generation.
func (p Placement) Ratio() string {
	g := gcd(p.Width, p.Height)
	return fmt.Sprintf("%d:%d", p.Width/g, p.Height/g)
}

// Box is the placement's area outside its safe zone, in pixels: where
// text and logo may go.
func (p Placement) Box() (x0, y0, x1, y1 int) {
	w, h := float64(p.Width), float64(p.Height)
	return int(w * p.Safe.Left), int(h * p.Safe.Top), int(w * (1 - p.Safe.Right)), int(h * (1 - p.Safe.Bottom))
}

// Describe names a placement for messages: "Meta Stories (1080x1920)".
func (p Placement) Describe() string {
	return fmt.Sprintf("%s %s (%dx%d)", p.Platform, strings.ToLower(p.Name[:1])+p.Name[1:], p.Width, p.Height)
}

// gcd is the greatest common divisor.
func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
