// Package cost computes what a generation costs from its endpoint's price:
// the billed quantity times the unit price. The estimate before a run and
// the actual cost after it use the same functions, so they agree.
package cost

import (
	"fmt"
	"math"
)

// Unit is what a price is per.
type Unit string

// The billing units.
const (
	// PerImage bills each returned image the same.
	PerImage Unit = "image"
	// PerMegapixel bills each image by its pixels in megapixels of
	// Megapixel pixels, rounded up to whole megapixels per image.
	PerMegapixel Unit = "megapixel"
	// PerSecond is a compute second: how FAL bills some endpoints
	// (fast-sdxl). It is what FAL may count in x-fal-billable-units, never
	// a unit of our prices (Units): a second cannot be foreseen.
	PerSecond Unit = "second"
)

// Units lists the billing units, for validation and the schema.
func Units() []Unit { return []Unit{PerImage, PerMegapixel} }

// Megapixel is FAL's megapixel: 1024 x 1024 pixels (shared/protocols.md,
// "a megapixel is 1,048,576 pixels").
const Megapixel = 1 << 20

// Price is what one unit of an endpoint's output costs, in US dollars.
type Price struct {
	Unit Unit    `json:"unit" enum:"image,megapixel"`
	USD  float64 `json:"usd"`
}

// Check says what is wrong with a price ("" when it is fine).
func (p Price) Check() string {
	switch {
	case p.Unit != PerImage && p.Unit != PerMegapixel:
		return fmt.Sprintf("unit must be %q or %q, got %q", PerImage, PerMegapixel, p.Unit)
	case math.IsNaN(p.USD) || p.USD < 0 || p.USD > 100:
		return fmt.Sprintf("usd must be a price from 0 to 100 dollars, got %v", p.USD)
	}
	return ""
}

// Size is an image's dimensions in pixels.
type Size struct{ Width, Height int }

// Quantity is how many units of p images of these sizes are billed: one
// per image, or each image's megapixels rounded up (FAL's flux pages:
// "Images are billed by rounding up to the nearest megapixel").
func Quantity(p Price, images []Size) float64 {
	total := 0.0
	for _, s := range images {
		if p.Unit == PerMegapixel {
			total += math.Ceil(float64(s.Width) * float64(s.Height) / Megapixel)
		} else {
			total++
		}
	}
	return total
}

// Of returns what images of these sizes cost at price p.
func Of(p Price, images []Size) float64 { return Billed(p, Quantity(p, images)) }

// Billed is the cost of a billed quantity of units at price p (FAL's
// x-fal-billable-units header times the unit price), rounded to the
// database's six decimals.
func Billed(p Price, units float64) float64 { return Round(units * p.USD) }

// Round keeps six decimals, as decimal(10,6) does.
func Round(v float64) float64 { return math.Round(v*1e6) / 1e6 }
