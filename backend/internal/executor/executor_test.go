package executor_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// run runs ex with a config and inputs, keeping checkpoints in memory.
func run(t *testing.T, ex executor.Executor, cfg string, inputs map[string]any) (*executor.Result, error) {
	t.Helper()
	r := &executor.Run{ExecutionID: "e1", NodeID: "n1", NodeName: "node", Inputs: inputs, Config: json.RawMessage(cfg)}
	r.SaveCheckpoint = func(_ context.Context, b json.RawMessage) error { r.Checkpoint = b; return nil }
	for {
		res, err := ex.Run(context.Background(), r)
		if _, pending := executor.IsPending(err); !pending {
			return res, err
		}
	}
}

// TestPreviewPipeline generates previews and fits them to 9:16.
func TestPreviewPipeline(t *testing.T) {
	blobs := blob.Local{Dir: t.TempDir(), Prefix: "/files"}
	im := executor.NewImageModel(imagemodel.Default(), executor.Preview{}, blobs, true)
	res, err := run(t, im, `{"model":"fal-ai/flux/schnell","parameters":{"num_images":2,"aspect_ratio":"1:1"}}`, map[string]any{"prompt": "red sneakers"})
	require.NoError(t, err)
	urls := res.Output["image_urls"].([]string)
	require.Len(t, urls, 2)
	require.Equal(t, 0.0, *res.Generation.Cost, "previews are free")
	out, err := run(t, executor.NewOutput(blobs, imaging.NewBudget(40_000_000, 2)), `{"num_images":1,"aspect_ratio":"9:16"}`, map[string]any{"image_urls": []any{urls[0], urls[1]}})
	require.NoError(t, err)
	final := out.Output["final_images"].([]string)
	require.Len(t, final, 1)
	data, err := blobs.Get(context.Background(), final[0])
	require.NoError(t, err)
	w, h, _ := imaging.Size(data)
	require.Equal(t, [2]int{1080, 1920}, [2]int{w, h})
	same, err := run(t, executor.NewOutput(blobs, imaging.NewBudget(40_000_000, 2)), `{"aspect_ratio":"1:1"}`, map[string]any{"image_urls": urls})
	require.NoError(t, err)
	require.Equal(t, urls[:1], same.Output["final_images"], "a square image passes through untouched")
}

// TestFALModels runs each model against the fake FAL: the right endpoint,
// our own URLs, the brief's price.
func TestFALModels(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	blobs := blob.Local{Dir: t.TempDir(), Prefix: "/files"}
	im := executor.NewImageModel(imagemodel.Default(), falGen(s.URL), blobs, false)
	cases := []struct {
		model, params, endpoint string
		cost                    float64
	}{
		{"fal-ai/flux/schnell", `{"num_images":2}`, "fal-ai/flux/schnell", 0.006},
		{"fal-ai/flux/dev", `{"guidance_scale":3.5}`, "fal-ai/flux/dev", 0.025},
		{"fal-ai/stable-diffusion-xl", `{"image_size":"square_hd","negative_prompt":"blurry"}`, "fal-ai/fast-sdxl", 0.000008},
	}
	for i, c := range cases {
		res, err := run(t, im, `{"model":"`+c.model+`","parameters":`+c.params+`}`, map[string]any{"prompt": "shoes"})
		require.NoError(t, err, c.model)
		require.Equal(t, c.endpoint, s.Submits[i].Endpoint)
		require.InDelta(t, c.cost, *res.Generation.Cost, 1e-9, c.model)
		for _, u := range res.Generation.ImageURLs {
			require.Regexp(t, `^/files/generations/`, u, "stored with us, not at FAL")
		}
	}
	_, err := run(t, im, `{"model":"fal-ai/flux/dev","parameters":{}}`, map[string]any{"prompt": "p", "image_url": "https://x/y.png"})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/flux/dev/image-to-image", s.Submits[3].Endpoint)
	require.NotContains(t, s.Submits[3].Input, "image_size", "image-to-image follows the photo's size")
	require.EqualValues(t, 40, s.Submits[3].Input["num_inference_steps"], "the endpoint's own default")
	_, err = run(t, im, `{"model":"fal-ai/stable-diffusion-xl","parameters":{"enable_safety_checker":false}}`, map[string]any{"prompt": "p", "image_url": "https://x/y.png"})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/fast-sdxl/image-to-image", s.Submits[4].Endpoint)
	require.Equal(t, false, s.Submits[4].Input["enable_safety_checker"], "SDXL takes the safety checker")
}

// TestValidation names the bad fields, checking against the endpoint the
// connections pick.
func TestValidation(t *testing.T) {
	im := executor.NewImageModel(imagemodel.Default(), executor.Preview{}, nil, true)
	_, errs := im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell","parameters":{"num_images":5,"negative_prompt":"x"}}`), nil)
	require.Len(t, errs, 2)
	require.Equal(t, "parameters.negative_prompt", errs[0].Location)
	require.Equal(t, "parameters.num_images", errs[1].Location)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell","parameters":{"num_inference_steps":20}}`), nil)
	require.Equal(t, "must be from 1 to 12 for FLUX schnell", errs[0].Message)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/dev","parameters":{"num_inference_steps":5}}`), executor.Wiring{"image_url": true})
	require.Equal(t, "must be from 10 to 50 for FLUX dev with an input image", errs[0].Message)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell"}`), executor.Wiring{"image_url": true})
	require.Equal(t, "model", errs[0].Location, "schnell has no image-to-image: the photo is refused, not ignored")
	_, errs = im.Check(json.RawMessage(`{"model":"dall-e"}`), nil)
	require.Equal(t, "model", errs[0].Location)
	_, errs = executor.NewTextInput().Check(json.RawMessage(`{"value":"x","extra":1}`), nil)
	require.Equal(t, "extra", errs[0].Location)
	_, errs = executor.NewImageInput().Check(json.RawMessage(`{"image_url":"file:///etc/passwd"}`), nil)
	require.Equal(t, "image_url", errs[0].Location)
	_, errs = executor.NewOutput(nil, imaging.NewBudget(40_000_000, 2)).Check(json.RawMessage(`{"aspect_ratio":"2:1"}`), nil)
	require.Equal(t, "aspect_ratio", errs[0].Location)
	_, errs = executor.NewSocialMedia(nil).Check(json.RawMessage(`{"subreddit":"r/x y"}`), nil)
	require.Equal(t, "subreddit", errs[0].Location)
	norm, errs := executor.NewOutput(nil, imaging.NewBudget(40_000_000, 2)).Check(json.RawMessage(`{}`), nil)
	require.Empty(t, errs)
	require.JSONEq(t, `{"num_images":1,"aspect_ratio":"1:1"}`, string(norm), "defaults filled from the struct's tags")
}

// TestSocialToPrompt feeds trends into a prompt.
func TestSocialToPrompt(t *testing.T) {
	s := reddittest.New("k")
	defer s.Close()
	sm := executor.NewSocialMedia(&reddit.Client{BaseURL: s.URL, Host: "h", Key: "k"})
	res, err := run(t, sm, `{"subreddit":"sneakers","limit":3}`, nil)
	require.NoError(t, err)
	b, _ := json.Marshal(res.Output)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	p, err := run(t, executor.NewPrompt(), `{"template":"Ad riding on {{trends}}; hook: {{posts.0.title}}"}`, out)
	require.NoError(t, err)
	require.Contains(t, p.Output["prompt"], "retro sneakers")
	require.Contains(t, p.Output["prompt"], "hook: Retro sneakers are back in 2026")
}

// TestUploadedPhotoReachesFAL sends a locally uploaded photo as a data URI
// (FAL cannot fetch our relative URL) and records our URL, not the bytes.
func TestUploadedPhotoReachesFAL(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	blobs := blob.Local{Dir: t.TempDir(), Prefix: "/files"}
	photo, _ := imaging.Preview("shoe", "m", 0, 32, 32)
	url, err := blobs.Put(context.Background(), "uploads/u/p", "image/png", photo)
	require.NoError(t, err)
	im := executor.NewImageModel(imagemodel.Default(), falGen(s.URL), blobs, false)
	res, err := run(t, im, `{"model":"fal-ai/flux/dev","parameters":{"strength":0.8}}`, map[string]any{"prompt": "p", "image_url": url})
	require.NoError(t, err)
	require.Equal(t, "fal-ai/flux/dev/image-to-image", s.Submits[0].Endpoint)
	require.Regexp(t, `^data:image/png;base64,`, s.Submits[0].Input["image_url"])
	require.Contains(t, string(res.Generation.Parameters), `"image_url":"/files/uploads/u/p.png"`)
}

// falGen is the FAL generator against a fake on this machine.
func falGen(url string) executor.FAL {
	return executor.FAL{Client: &fal.Client{BaseURL: url, Key: "k"}, Downloads: fetch.Client(true, time.Minute),
		Images: imaging.NewBudget(40_000_000, 2), Fallback: time.Millisecond}
}

// TestResultsFromPrivateAddressesAreRefused fails a generation whose result
// image is on a loopback address, as a hostile or broken answer could name.
func TestResultsFromPrivateAddressesAreRefused(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	gen := falGen(s.URL)
	gen.Downloads = fetch.Client(false, time.Minute)
	im := executor.NewImageModel(imagemodel.Default(), gen, blob.Local{Dir: t.TempDir(), Prefix: "/files"}, false)
	_, err := run(t, im, `{"model":"fal-ai/flux/schnell"}`, map[string]any{"prompt": "p"})
	require.ErrorContains(t, err, "refused to download")
	require.False(t, executor.IsRetryable(err), "not worth retrying")
}
