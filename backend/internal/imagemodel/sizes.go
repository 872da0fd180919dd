package imagemodel

import "math"

// NamedSize is one of FAL's image_size names and its pixels
// (shared/protocols.md: "image_size is one of ...").
type NamedSize struct {
	Name          string
	Width, Height int
}

// namedSizes are FAL's named sizes, in FAL's order.
var namedSizes = []NamedSize{
	{"square_hd", 1024, 1024}, {"square", 512, 512}, {"portrait_4_3", 768, 1024},
	{"portrait_16_9", 576, 1024}, {"landscape_4_3", 1024, 768}, {"landscape_16_9", 1024, 576},
}

// DefaultSize is FAL's own default for flux (landscape_4_3).
const DefaultSize = "landscape_4_3"

// SizeNames lists FAL's named sizes.
func SizeNames() []string {
	out := make([]string, len(namedSizes))
	for i, s := range namedSizes {
		out[i] = s.Name
	}
	return out
}

// Size returns the pixels of a named size.
func Size(name string) (NamedSize, bool) {
	for _, s := range namedSizes {
		if s.Name == name {
			return s, true
		}
	}
	return NamedSize{}, false
}

// MaxSide is the longest side FAL takes in image_size {"width", "height"}
// (fal-js zod.gen.ts, zImageSize: "z.int().lte(14142)").
const MaxSide = 14142

// block is the step of both sides: FLUX works in 16-pixel blocks
// (shared/protocols.md), so sides that are multiples of 16 keep the ratio.
const block = 16

// ratioSlack is how far a planned size's ratio may be from the one asked
// for (0.5%): the Output then crops at most that much of a side.
const ratioSlack = 0.005

// Plan is the largest size with both sides multiples of 16, at most
// maxPixels pixels, whose ratio is within 0.5% of ratioW:ratioH (the
// closest ratio when no size is that close).
func Plan(ratioW, ratioH, maxPixels int) NamedSize {
	r := float64(ratioW) / float64(ratioH)
	var best NamedSize
	bestArea, bestErr := 0, math.Inf(1)
	for h := block; h <= MaxSide && h*block <= maxPixels; h += block {
		for _, w := range []int{int(math.Floor(float64(h)*r/block)) * block, int(math.Ceil(float64(h)*r/block)) * block} {
			if w < block || w > MaxSide || w*h > maxPixels {
				continue
			}
			e := math.Abs(float64(w)/float64(h)-r) / r
			fits, bestFits := e <= ratioSlack, bestErr <= ratioSlack
			better := fits && (!bestFits || w*h > bestArea || w*h == bestArea && e < bestErr)
			if !fits && !bestFits {
				better = e < bestErr
			}
			if better {
				best, bestArea, bestErr = NamedSize{Width: w, Height: h}, w*h, e
			}
		}
	}
	return best
}
