package main

import (
	"bytes"
	"encoding/json"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// TestBrandKitsBelongToTheirOwner checks a kit's fields (colour, fonts,
// logo) are refused at the field when wrong, that fonts are parsed before
// they are kept, and that user B can neither read, change, delete nor use
// user A's kit or font.
func TestBrandKitsBelongToTheirOwner(t *testing.T) {
	supa := fakeSupabase(t)
	base := startServer(t, map[string]string{"SUPABASE_URL": supa.URL, "SUPABASE_PUBLISHABLE_KEY": "pk", "SUPABASE_JWT_SECRET": secret})
	a := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}
	b := api{t: t, base: base, token: token(t, supa.URL, uuid.NewString(), jwt.SigningMethodHS256, []byte(secret), nil)}

	logo, _ := imaging.Preview("ACME", "logo", 0, 200, 100)
	code, up := multipartPost(t, a, "/api/uploads", "image", "logo.png", "image/png", logo, nil)
	require.Equal(t, 200, code, up)
	lato, err := os.ReadFile("../../internal/fonts/files/Lato-Regular.ttf")
	require.NoError(t, err)
	code, font := multipartPost(t, a, "/api/fonts", "font", "Lato.ttf", "font/ttf", lato, map[string]string{"name": "House Lato"})
	require.Equal(t, 201, code, font)
	require.Equal(t, "House Lato", font["name"])
	code, bad := multipartPost(t, a, "/api/fonts", "font", "x.ttf", "font/ttf", []byte("not a font at all"), nil)
	require.Equal(t, 422, code, bad)
	requireLocation(t, bad, "body.font", "a file that is not a font")

	good := obj{"name": "Acme", "logo_url": up["url"], "primary_color": "#CD202C", "headline_font": font["id"], "body_font": "open-sans"}
	var kit obj
	require.Equal(t, 201, a.call("POST", "/api/brand-kits", good, &kit), kit)
	for field, v := range map[string]any{"primary_color": "red", "headline_font": "comic-sans", "logo_url": "/files/uploads/someone-else.png"} {
		body := obj{}
		for k, x := range good {
			body[k] = x
		}
		body[field] = v
		var p obj
		require.Equal(t, 422, a.call("POST", "/api/brand-kits", body, &p), field)
		requireLocation(t, p, "body."+field, field)
	}
	var list obj
	require.Equal(t, 200, a.call("GET", "/api/brand-kits", nil, &list))
	require.Len(t, list["brand_kits"], 1, "the refused kits were not saved")

	id := kit["id"].(string)
	for _, r := range [][2]string{{"GET", ""}, {"PATCH", ""}, {"DELETE", ""}} {
		var body any
		if r[0] == "PATCH" {
			body = good
		}
		require.Equal(t, 404, b.call(r[0], "/api/brand-kits/"+id, body, nil), r[0])
	}
	require.Equal(t, 200, b.call("GET", "/api/brand-kits", nil, &list))
	require.Empty(t, list["brand_kits"])
	var p obj
	stolen := obj{"name": "B's", "primary_color": "#000000", "headline_font": font["id"], "body_font": "inter"}
	require.Equal(t, 422, b.call("POST", "/api/brand-kits", stolen, &p))
	requireLocation(t, p, "body.headline_font", "A's font")
	var w obj
	require.Equal(t, 201, b.call("POST", "/api/workflows", obj{"name": "B's ads"}, &w))
	g := obj{"nodes": []obj{node(uuid.NewString(), "AD_LAYOUT", "Layout", obj{"headline": "Hi", "brand_kit_id": id})}}
	require.Equal(t, 422, b.call("PUT", "/api/workflows/"+w["id"].(string)+"/graph", g, &p), p)
	requireLocation(t, p, "body.nodes[0].config.brand_kit_id", "A's kit in B's graph")
	require.Equal(t, 200, a.call("GET", "/api/brand-kits/"+id, nil, &kit), "A still has it")

	bomb := append([]byte(nil), lato...)
	copy(bomb[12:16], "sbix") // a bitmap table: glyphs drawn as pictures, decoded without limit
	code, bad = multipartPost(t, a, "/api/fonts", "font", "Bomb.ttf", "font/ttf", bomb, nil)
	require.Equal(t, 422, code, bad)
	requireLocation(t, bad, "body.font", "a font of pictures")
	require.Equal(t, 409, a.call("DELETE", "/api/fonts/"+font["id"].(string), nil, &p), "the kit uses it")
	require.Contains(t, p["detail"], `"Acme" uses this font`)
	require.Equal(t, 404, b.call("DELETE", "/api/fonts/"+font["id"].(string), nil, nil), "not B's")
}

// TestLayoutPreview draws a layout for the editor: a small PNG in the
// placement's shape, with a saved kit or unsaved kit settings; a bad
// placement, text that cannot fit, another user's kit or a bad setting is
// a 422 at the field.
func TestLayoutPreview(t *testing.T) {
	c := api{t: t, base: startServer(t, nil)}
	preview := func(body obj) (int, []byte, obj) {
		b, _ := json.Marshal(body)
		res, err := http.Post(c.base+"/api/layout-preview", "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		defer res.Body.Close()
		data, _ := io.ReadAll(res.Body)
		var p obj
		_ = json.Unmarshal(data, &p)
		return res.StatusCode, data, p
	}
	code, img, p := preview(obj{"placement": "meta_stories", "headline": "Spring steps", "subline": "Now 20% off", "cta": "Shop now"})
	require.Equal(t, 200, code, p)
	w, h, err := imaging.Size(img)
	require.NoError(t, err)
	require.Equal(t, [2]int{360, 640}, [2]int{w, h})
	code, _, p = preview(obj{"placement": "tiktok", "headline": "x"})
	require.Equal(t, 422, code)
	requireLocation(t, p, "body.placement", "an unknown placement")
	code, _, p = preview(obj{"placement": "google_display_landscape", "headline": strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis", 3)})
	require.Equal(t, 422, code, p)
	require.Contains(t, p["detail"], "does not fit")
	code, _, p = preview(obj{"placement": "meta_stories", "headline": "x", "brand_kit_id": uuid.NewString()})
	require.Equal(t, 422, code)
	requireLocation(t, p, "body.brand_kit_id", "a kit that is not yours")

	// Unsaved kit settings, as the kit page edits them: drawn in the kit's
	// button colour; a font or colour that cannot be is a 422 at its field.
	kit := obj{"name": "Draft", "primary_color": "#e11d48", "headline_font": "lato", "body_font": "open-sans"}
	code, img, p = preview(obj{"placement": "meta_feed_square", "headline": "Spring steps", "cta": "Shop now", "kit": kit})
	require.Equal(t, 200, code, p)
	require.Greater(t, pixelsNear(t, img, color.RGBA{0xe1, 0x1d, 0x48, 0xff}), 500, "the button is in the unsaved kit's colour")
	kit["headline_font"] = "comic-sans"
	code, _, p = preview(obj{"placement": "meta_feed_square", "headline": "x", "kit": kit})
	require.Equal(t, 422, code)
	requireLocation(t, p, "body.kit.headline_font", "a font that is neither bundled nor uploaded")
	kit["headline_font"], kit["primary_color"] = "lato", "red"
	code, _, p = preview(obj{"placement": "meta_feed_square", "headline": "x", "kit": kit})
	require.Equal(t, 422, code)
	requireLocation(t, p, "body.kit.primary_color", "a colour that is not #rrggbb")
}

// pixelsNear counts a PNG's pixels within 24 of c in every channel.
func pixelsNear(t *testing.T, data []byte, c color.RGBA) int {
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	n := 0
	near := func(a uint32, b uint8) bool { d := int(a>>8) - int(b); return d > -24 && d < 24 }
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r, c.R) && near(g, c.G) && near(b, c.B) {
				n++
			}
		}
	}
	return n
}
