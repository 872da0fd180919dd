package compose

import (
	"fmt"
	"image/color"
	"strings"
)

// ParseHex reads a colour written "#rrggbb".
func ParseHex(s string) (color.RGBA, error) {
	var r, g, b uint8
	if n, err := fmt.Sscanf(strings.ToLower(s), "#%02x%02x%02x", &r, &g, &b); err != nil || n != 3 || len(s) != 7 {
		return color.RGBA{}, fmt.Errorf("%q is not a colour (#rrggbb)", s)
	}
	return color.RGBA{r, g, b, 255}, nil
}
