package imagemodel

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
