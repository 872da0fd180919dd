package executor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// falGen is the FAL generator against a fake on this machine.
func falGen(url string) executor.FAL {
	return executor.FAL{Client: &fal.Client{BaseURL: url, Key: "k", Backoff: time.Millisecond}, Downloads: fetch.Client(true, time.Minute),
		Images: imaging.NewBudget(40_000_000, 2), Fallback: time.Millisecond}
}

// falModel is the image model generating through gen into blobs.
func falModel(gen executor.Generator, blobs blob.Store) executor.Executor {
	return executor.NewImageModel(executor.ImageModelDeps{Models: imagemodel.Default(), Gen: gen, Blobs: blobs,
		Images: imaging.NewBudget(40_000_000, 2), Downloads: fetch.Client(true, time.Minute)})
}

// previewModel is the image model rendering local previews into blobs.
func previewModel(blobs blob.Store) executor.Executor {
	return executor.NewImageModel(executor.ImageModelDeps{Models: imagemodel.Default(), Gen: executor.Preview{}, Blobs: blobs,
		Images: imaging.NewBudget(40_000_000, 2), Preview: true})
}

// localBlobs is a fresh local image store.
func localBlobs(t *testing.T) blob.Local { return blob.Local{Dir: t.TempDir(), Prefix: "/files"} }

// TestPreviewPipeline generates previews at the Output's ratio and
// delivers them at its exact pixel size, cropping almost nothing.
func TestPreviewPipeline(t *testing.T) {
	blobs := localBlobs(t)
	r := &executor.Run{ExecutionID: "e1", NodeID: "n1", Inputs: map[string]any{"prompt": "red sneakers"}, Shapes: []string{"9:16"},
		Config: json.RawMessage(`{"model":"fal-ai/flux/schnell","parameters":{"num_images":2}}`)}
	res, err := previewModel(blobs).Run(context.Background(), r)
	require.NoError(t, err)
	urls := res.Output["image_urls"].([]string)
	require.Len(t, urls, 2)
	require.Equal(t, 0.0, *res.Generations[0].Cost, "previews are free")
	require.Equal(t, []executor.PlanQuote{{Ratio: "9:16", Width: 768, Height: 1360, Images: 2}}, res.Output["plans"], "9:16 within one megapixel")
	out, err := run(t, creatives.NewOutput(blobs, imaging.NewBudget(40_000_000, 2)), `{"num_images":1,"aspect_ratio":"9:16"}`, map[string]any{"image_urls": []any{urls[0], urls[1]}})
	require.NoError(t, err)
	final := out.Output["final_images"].([]string)
	require.Len(t, final, 1)
	data, err := blobs.Get(context.Background(), final[0])
	require.NoError(t, err)
	w, h, _ := imaging.Size(data)
	require.Equal(t, [2]int{1080, 1920}, [2]int{w, h})
	require.LessOrEqual(t, out.Output["max_crop"], 0.005, "generated at the ratio: at most 0.5% of a side is cropped")
	exact, _ := imaging.Preview("x", "m", 0, 1080, 1080)
	url, _ := blobs.Put(context.Background(), "uploads/u/sq", "image/png", exact)
	same, err := run(t, creatives.NewOutput(blobs, imaging.NewBudget(40_000_000, 2)), `{"aspect_ratio":"1:1"}`, map[string]any{"image_urls": []any{url}})
	require.NoError(t, err)
	require.Equal(t, []string{url}, same.Output["final_images"], "an image already 1080x1080 passes through untouched")
}

// TestFALModels runs each model against the fake FAL: the right endpoint,
// our own URLs, FAL's price, SDXL's safety checker and image-to-image.
func TestFALModels(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	blobs := localBlobs(t)
	im := falModel(falGen(s.URL), blobs)
	cases := []struct {
		model, params, endpoint string
		cost                    float64
	}{
		{"fal-ai/flux/schnell", `{"num_images":2}`, "fal-ai/flux/schnell", 0.006},
		{"fal-ai/flux/dev", `{"guidance_scale":3.5,"megapixels":2}`, "fal-ai/flux/dev", 0.05},
		{"fal-ai/stable-diffusion-xl", `{"image_size":"square_hd","negative_prompt":"blurry","enable_safety_checker":false}`, "fal-ai/fast-sdxl", 0.002},
	}
	for i, c := range cases {
		res, err := run(t, im, `{"model":"`+c.model+`","parameters":`+c.params+`}`, map[string]any{"prompt": "shoes"})
		require.NoError(t, err, c.model)
		require.Equal(t, c.endpoint, s.Submits[i].Endpoint)
		require.InDelta(t, c.cost, *res.Generations[0].Cost, 1e-9, c.model)
		for _, u := range res.Generations[0].ImageURLs {
			require.Regexp(t, `^/files/generations/`, u, "stored with us, not at FAL")
		}
	}
	require.Equal(t, false, s.Submits[2].Input["enable_safety_checker"], "SDXL takes the safety checker")
	// FAL counts fast-sdxl's billable units in compute seconds (the fake
	// sends 2.3): never multiplied by a price per megapixel, the planned
	// $0.002 per megapixel stands.
	photo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		b, _ := imaging.Preview("shoe", "m", 0, 300, 200)
		_, _ = w.Write(b)
	}))
	defer photo.Close()
	_, err := run(t, im, `{"model":"fal-ai/flux/dev","parameters":{"aspect_ratio":"4:5"}}`, map[string]any{"prompt": "p", "image_url": photo.URL + "/shoe.png"})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/flux/dev/image-to-image", s.Submits[3].Endpoint)
	require.NotContains(t, s.Submits[3].Input, "image_size", "flux dev image-to-image takes no image_size")
	require.EqualValues(t, 40, s.Submits[3].Input["num_inference_steps"], "the endpoint's own default")
	require.Regexp(t, `^data:image/jpeg;base64,`, s.Submits[3].Input["image_url"], "the photo goes sized to the plan")
	_, err = run(t, im, `{"model":"fal-ai/stable-diffusion-xl","parameters":{"enable_safety_checker":false}}`, map[string]any{"prompt": "p", "image_url": photo.URL + "/shoe.png"})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/fast-sdxl/image-to-image", s.Submits[4].Endpoint)
	require.Equal(t, false, s.Submits[4].Input["enable_safety_checker"])
}

// TestEstimateEqualsActual runs every model, with and without a photo, at
// every ratio (and matching an Output of each ratio) against the fake,
// which bills as FAL does, and compares each run's cost with its estimate,
// to the cent and to the millionth of a dollar.
func TestEstimateEqualsActual(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	blobs := localBlobs(t)
	photo, _ := imaging.Preview("shoe", "m", 0, 640, 480)
	photoURL, err := blobs.Put(context.Background(), "uploads/u/p", "image/png", photo)
	require.NoError(t, err)
	im := falModel(falGen(s.URL), blobs)
	for _, m := range imagemodel.Default().All() {
		for _, withPhoto := range []bool{false, true} {
			if _, ok := m.Endpoint(withPhoto); !ok {
				continue
			}
			for _, ratio := range imaging.RatioNames() {
				for _, match := range []bool{false, true} {
					cfg := fmt.Sprintf(`{"model":%q,"parameters":{"num_images":2,"aspect_ratio":%q}}`, m.ID, ratio)
					ratios := []string(nil)
					if match {
						cfg, ratios = fmt.Sprintf(`{"model":%q,"parameters":{"num_images":2}}`, m.ID), []string{ratio}
					}
					w := executor.Wiring{Shapes: ratios}
					inputs := map[string]any{"prompt": "shoes"}
					if withPhoto {
						w.Add("image_url")
						inputs["image_url"] = photoURL
					}
					q, err := im.Estimate(json.RawMessage(cfg), w)
					require.NoError(t, err)
					r := &executor.Run{ExecutionID: "e", NodeID: "n", Inputs: inputs, Shapes: ratios, Config: json.RawMessage(cfg)}
					res, err := runToEnd(t, im, r)
					require.NoError(t, err, cfg)
					name := fmt.Sprintf("%s photo=%v %s match=%v", m.ID, withPhoto, ratio, match)
					require.Equal(t, q.Cost, *res.Generations[0].Cost, name)
					require.Equal(t, fmt.Sprintf("%.2f", q.Cost), fmt.Sprintf("%.2f", *res.Generations[0].Cost), name)
					require.Equal(t, ratio, q.Plans[0].Ratio, name)
					require.Equal(t, ratio, res.Generations[0].AspectRatio, name)
					require.Positive(t, q.Cost, name)
				}
			}
		}
	}
}

// runToEnd runs r until the executor stops waiting.
func runToEnd(t *testing.T, ex executor.Executor, r *executor.Run) (*executor.Result, error) {
	t.Helper()
	r.Requests = executor.NewMemoryRequests("test")
	for {
		res, err := ex.Run(context.Background(), r)
		if _, pending := executor.IsPending(err); !pending {
			return res, err
		}
	}
}

// TestFlaggedImagesAreWithheld keeps images FAL's safety checker flagged
// out of the node's images, counts them, still bills them, and fails the
// node when every image was flagged, recording what it cost.
func TestFlaggedImagesAreWithheld(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	im := falModel(falGen(s.URL), localBlobs(t))
	s.NSFW = []bool{true, false}
	res, err := run(t, im, `{"model":"fal-ai/flux/schnell","parameters":{"num_images":2}}`, map[string]any{"prompt": "p"})
	require.NoError(t, err)
	require.Len(t, res.Output["image_urls"], 1)
	require.Equal(t, 1, res.Output["blocked"])
	require.Equal(t, 0.006, *res.Generations[0].Cost, "both images are billed")
	s.NSFW = []bool{true, true}
	_, err = run(t, im, `{"model":"fal-ai/flux/schnell","parameters":{"num_images":2}}`, map[string]any{"prompt": "p"})
	require.ErrorContains(t, err, "flagged all 2 images as not safe for work")
	require.False(t, executor.IsRetryable(err))
	gens := executor.PaidFor(err)
	require.Len(t, gens, 1, "the failure says what it cost")
	require.Equal(t, 0.006, *gens[0].Cost)
	require.Empty(t, gens[0].ImageURLs)
}

// TestWithoutBillableUnitsTheRuleApplies prices a result that carries no
// x-fal-billable-units by the images FAL says it made.
func TestWithoutBillableUnitsTheRuleApplies(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	s.NoBillableUnits = true
	res, err := run(t, falModel(falGen(s.URL), localBlobs(t)), `{"model":"fal-ai/flux/dev","parameters":{"image_size":"landscape_4_3","num_images":3}}`, map[string]any{"prompt": "p"})
	require.NoError(t, err)
	require.Equal(t, 0.075, *res.Generations[0].Cost, "three images of at most a megapixel at $0.025")
}

// TestResultsFromPrivateAddressesAreRefused fails a generation whose result
// image is on a loopback address, as a hostile or broken answer could name.
func TestResultsFromPrivateAddressesAreRefused(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	gen := falGen(s.URL)
	gen.Downloads = fetch.Client(false, time.Minute)
	_, err := run(t, falModel(gen, localBlobs(t)), `{"model":"fal-ai/flux/schnell"}`, map[string]any{"prompt": "p"})
	require.ErrorContains(t, err, "refused to download")
	require.False(t, executor.IsRetryable(err), "not worth retrying")
}

// TestUploadedPhotoReachesFAL sends a locally uploaded photo as a data URI
// (FAL cannot fetch our relative URL) and records our URL, not the bytes.
func TestUploadedPhotoReachesFAL(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	blobs := localBlobs(t)
	photo, _ := imaging.Preview("shoe", "m", 0, 32, 32)
	url, err := blobs.Put(context.Background(), "uploads/u/p", "image/png", photo)
	require.NoError(t, err)
	res, err := run(t, falModel(falGen(s.URL), blobs), `{"model":"fal-ai/flux/dev","parameters":{"strength":0.8}}`, map[string]any{"prompt": "p", "image_url": url})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/flux/dev/image-to-image", s.Submits[0].Endpoint)
	require.Regexp(t, `^data:image/jpeg;base64,`, s.Submits[0].Input["image_url"])
	require.Contains(t, string(res.Generations[0].Parameters), `"image_url":"/files/uploads/u/p.png"`)
}

// TestOneRequestPerRatio feeds placements of three ratios (two of them the
// same shape): FAL gets one request per distinct ratio, each at its size,
// and the estimate equals the sum of their costs.
func TestOneRequestPerRatio(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	im := falModel(falGen(s.URL), localBlobs(t))
	shapes := []string{"1080x1350", "1080x1920", "1200x628", "1080x1920", "9:16"}
	cfg := json.RawMessage(`{"model":"fal-ai/flux/dev","parameters":{"num_images":2}}`)
	q, err := im.Estimate(cfg, executor.Wiring{Shapes: shapes})
	require.NoError(t, err)
	require.Equal(t, []executor.PlanQuote{{Ratio: "4:5", Width: 912, Height: 1136, Images: 2}, {Ratio: "9:16", Width: 768, Height: 1360, Images: 2},
		{Ratio: "1.91:1", Width: 1408, Height: 736, Images: 2}}, q.Plans)
	require.Equal(t, 0.15, q.Cost, "six images of one started megapixel at $0.025")
	res, err := runToEnd(t, im, &executor.Run{ExecutionID: "e", NodeID: "n", Inputs: map[string]any{"prompt": "p"}, Shapes: shapes, Config: cfg})
	require.NoError(t, err)
	require.Len(t, s.Submits, 3)
	require.Equal(t, map[string]any{"width": 1408.0, "height": 736.0}, s.Submits[2].Input["image_size"])
	require.Len(t, res.Generations, 3)
	require.Len(t, res.Output["image_urls"], 6)
	require.Equal(t, q.Cost, res.Output["cost"])
}
