package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// creativeGraph is TEXT -> PROMPT -> IMAGE_MODEL -> OUTPUT(placements), with
// TEXT -> AD_LAYOUT(kit) -> OUTPUT's layout input.
func creativeGraph(kitID string) obj {
	text, prompt, model, layout, out := uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()
	return obj{"nodes": []obj{node(text, "TEXT_INPUT", "Product", obj{"value": "Red canvas sneakers"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "A bright spring ad photo of {{text}}, no text"}),
		node(model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell"}),
		node(layout, "AD_LAYOUT", "Layout", obj{"headline": "{{text}}", "subline": "Now 20% off, Ελληνικά και Кириллица", "cta": "Shop now", "brand_kit_id": kitID}),
		node(out, "OUTPUT", "Ads", obj{"num_images": 1, "placements": []string{"meta_feed_portrait", "meta_stories", "google_display_landscape"}})},
		"edges": []obj{edge(text, prompt, ""), edge(prompt, model, "prompt"), edge(model, out, "image_urls"), edge(text, layout, ""), edge(layout, out, "layout")}}
}

// TestCreativesFromTextToZip goes from a product text to a zip of on-brand
// ads for three platforms in one run, on SQLite and Postgres with the fake
// FAL: one FAL request per ratio, finals at each placement's exact size,
// the words inside the safe zones at AA contrast, and the manifest.
func TestCreativesFromTextToZip(t *testing.T) {
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, nil)
			env = withDatabase(t, kind, env)
			c := api{t: t, base: startServer(t, env)}
			logo, _ := imaging.Preview("ACME", "logo", 0, 240, 120)
			code, up := multipartPost(t, c, "/api/uploads", "image", "logo.png", "image/png", logo, nil)
			require.Equal(t, 200, code, up)
			var kit obj
			require.Equal(t, 201, c.call("POST", "/api/brand-kits", obj{"name": "Acme", "logo_url": up["url"], "primary_color": "#CD202C",
				"headline_font": "inter", "body_font": "lato"}, &kit), kit)
			require.Equal(t, "#cd202c", kit["primary_color"])

			done, nodes := runGraph(t, c, creativeGraph(kit["id"].(string)), "COMPLETED")
			require.Len(t, fake.Submits, 3, "one FAL request per distinct ratio")
			sizes := []any{}
			for _, s := range fake.Submits {
				sizes = append(sizes, s.Input["image_size"])
			}
			require.ElementsMatch(t, []any{obj{"width": 912.0, "height": 1136.0}, obj{"width": 768.0, "height": 1360.0}, obj{"width": 1408.0, "height": 736.0}}, sizes)
			finals := nodes["Ads"]["output_data"].(obj)["finals"].([]any)
			require.Len(t, finals, 3)
			want := map[string][2]float64{"meta_feed_portrait": {1080, 1350}, "meta_stories": {1080, 1920}, "google_display_landscape": {1200, 628}}
			for _, f := range finals {
				f := f.(obj)
				require.Equal(t, want[f["placement"].(string)], [2]float64{f["width"].(float64), f["height"].(float64)})
				require.LessOrEqual(t, f["crop"], 0.02)
				layout := f["layout"].(obj)
				require.GreaterOrEqual(t, layout["contrast"], 4.5)
				require.Len(t, layout["elements"], 4, "headline, subline, button and logo (a scrim when needed)")
			}
			require.NotNil(t, done["total_cost"])

			res, err := http.Get(c.base + "/api/executions/" + done["id"].(string) + "/export")
			require.NoError(t, err)
			defer res.Body.Close()
			require.Equal(t, 200, res.StatusCode)
			require.Equal(t, "application/zip", res.Header.Get("Content-Type"))
			body, _ := io.ReadAll(res.Body)
			z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			require.NoError(t, err)
			var names []string
			var manifest struct {
				Images []map[string]any `json:"images"`
			}
			for _, f := range z.File {
				names = append(names, f.Name)
				if f.Name == "manifest.json" {
					r, _ := f.Open()
					require.NoError(t, json.NewDecoder(r).Decode(&manifest))
				}
			}
			require.Len(t, names, 4)
			require.Contains(t, names, "manifest.json")
			require.Len(t, manifest.Images, 3)
			for _, m := range manifest.Images {
				require.Regexp(t, `^(meta_feed_portrait|meta_stories|google_display_landscape)/hostile-[0-9a-f]+-1\.png$`, m["file"])
				for _, k := range []string{"placement", "platform", "width", "height", "bytes", "model", "seed", "prompt", "texts", "layout", "cost"} {
					require.Contains(t, m, k, "the manifest says %s", k)
				}
				require.Equal(t, "Red canvas sneakers", m["texts"].(map[string]any)["headline"])
			}
			if dir := os.Getenv("CREATIVES_OUT"); dir != "" && kind == "sqlite" {
				_ = os.WriteFile(dir+"/creatives.zip", body, 0o644)
			}
		})
	}
}

// multipartPost posts one file as field, with extra form fields.
func multipartPost(t *testing.T, c api, path, field, filename, ctype string, data []byte, extra map[string]string) (int, obj) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	part, err := mw.CreatePart(map[string][]string{"Content-Disposition": {`form-data; name="` + field + `"; filename="` + filename + `"`},
		"Content-Type": {ctype}})
	require.NoError(t, err)
	_, _ = part.Write(data)
	for k, v := range extra {
		require.NoError(t, mw.WriteField(k, v))
	}
	require.NoError(t, mw.Close())
	req, _ := http.NewRequest("POST", c.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var out obj
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestTooMuchTextFailsCleanly runs an ad whose headline cannot fit. When
// its words are known before the run, the run is refused (422) naming the
// Output, the text, the placement and the Ad layout to shorten it in, and
// nothing is created or paid for. When they are only known once it runs
// (here, what is trending is connected too), the Output fails with that
// message and delivers nothing half-drawn.
func TestTooMuchTextFailsCleanly(t *testing.T) {
	redditSrv := reddittest.New("rk")
	t.Cleanup(redditSrv.Close)
	c := api{t: t, base: startServer(t, map[string]string{"RAPIDAPI_KEY": "rk", "RAPIDAPI_REDDIT_BASE_URL": redditSrv.URL})}
	tooLong := func() obj {
		g := creativeGraph("")
		g["nodes"].([]obj)[0]["config"] = obj{"value": strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis ", 30)}
		g["nodes"].([]obj)[3]["config"].(obj)["brand_kit_id"] = ""
		return g
	}
	g := tooLong()
	var w, p, list obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "too much text"}, &w))
	id := w["id"].(string)
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	require.Equal(t, 422, c.call("POST", "/api/workflows/"+id+"/execute", nil, &p), p)
	require.Contains(t, p["detail"], `node "Ads" would fail`)
	require.Contains(t, p["detail"], "does not fit")
	require.Contains(t, p["detail"], `in the Ad layout "Layout"`)
	require.Equal(t, 200, c.call("GET", "/api/workflows/"+id+"/executions", nil, &list))
	require.Empty(t, list["executions"], "a refused run creates nothing")

	g, social := tooLong(), uuid.NewString()
	g["nodes"] = append(g["nodes"].([]obj), node(social, "SOCIAL_MEDIA", "Reddit", obj{"subreddit": "sneakers", "limit": 3}))
	g["edges"] = append(g["edges"].([]obj), edge(social, g["nodes"].([]obj)[3]["id"].(string), ""))
	done, nodes := runGraph(t, c, g, "FAILED")
	require.Equal(t, "COMPLETED", nodes["Layout"]["status"])
	require.Equal(t, "FAILED", nodes["Ads"]["status"])
	msg := nodes["Ads"]["error_message"].(string)
	require.Contains(t, msg, "does not fit")
	require.Contains(t, msg, `in the Ad layout "Layout"`)
	require.Nil(t, nodes["Ads"]["output_data"], "nothing half-drawn is delivered")
	require.Contains(t, done["error_message"], `node "Ads" failed`)
}
