// Package cost computes what a generation costs from a model's price and the
// images it returned, and what a run will cost before it starts; both use
// the same function, so an estimate and the actual cost agree.
package cost

import "math"

// Unit is what a price is per.
type Unit string

// The billing units.
const (
	PerImage     Unit = "image"
	PerMegapixel Unit = "megapixel"
)

// Price is what one unit of a model's output costs, in US dollars.
type Price struct {
	Unit Unit    `json:"unit" enum:"image,megapixel"`
	USD  float64 `json:"usd"`
}

// Size is an image's dimensions in pixels.
type Size struct{ Width, Height int }

// Of returns the cost of images at price p, rounded to the database's six
// decimals.
func Of(p Price, images []Size) float64 {
	total := 0.0
	for _, s := range images {
		switch p.Unit {
		case PerMegapixel:
			total += p.USD * float64(s.Width*s.Height) / 1_000_000
		default:
			total += p.USD
		}
	}
	return Round(total)
}

// Round keeps six decimals, as decimal(10,6) does.
func Round(v float64) float64 { return math.Round(v*1e6) / 1e6 }
