package executor_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// run runs ex with a config and inputs, keeping its outside requests in memory.
func run(t *testing.T, ex executor.Executor, cfg string, inputs map[string]any) (*executor.Result, error) {
	t.Helper()
	r := &executor.Run{ExecutionID: "e1", NodeID: "n1", NodeName: "node", Inputs: inputs, Config: json.RawMessage(cfg)}
	r.Requests = executor.NewMemoryRequests("test")
	for {
		res, err := ex.Run(context.Background(), r)
		if _, pending := executor.IsPending(err); !pending {
			return res, err
		}
	}
}

// TestValidation names the bad fields, checking against the endpoint the
// connections pick.
func TestValidation(t *testing.T) {
	im := previewModel(nil)
	_, errs := im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell","parameters":{"num_images":5,"negative_prompt":"x"}}`), executor.Wiring{})
	require.Len(t, errs, 2)
	require.Equal(t, "parameters.negative_prompt", errs[0].Location)
	require.Equal(t, "parameters.num_images", errs[1].Location)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell","parameters":{"num_inference_steps":20}}`), executor.Wiring{})
	require.Equal(t, "must be from 1 to 12 for FLUX schnell", errs[0].Message)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/dev","parameters":{"num_inference_steps":5}}`), executor.Inputs("image_url"))
	require.Equal(t, "must be from 10 to 50 for FLUX dev with an input image", errs[0].Message)
	_, errs = im.Check(json.RawMessage(`{"model":"fal-ai/flux/schnell"}`), executor.Inputs("image_url"))
	require.Equal(t, "model", errs[0].Location, "schnell has no image-to-image: the photo is refused, not ignored")
	_, errs = im.Check(json.RawMessage(`{"model":"dall-e"}`), executor.Wiring{})
	require.Equal(t, "model", errs[0].Location)
	_, errs = executor.NewTextInput().Check(json.RawMessage(`{"value":"x","extra":1}`), executor.Wiring{})
	require.Equal(t, "extra", errs[0].Location)
	_, errs = executor.NewImageInput().Check(json.RawMessage(`{"image_url":"file:///etc/passwd"}`), executor.Wiring{})
	require.Equal(t, "image_url", errs[0].Location)
	_, errs = creatives.NewOutput(nil, imaging.NewBudget(40_000_000, 2)).Check(json.RawMessage(`{"aspect_ratio":"2:1"}`), executor.Wiring{})
	require.Equal(t, "aspect_ratio", errs[0].Location)
	_, errs = executor.NewSocialMedia(nil).Check(json.RawMessage(`{"subreddit":"r/x y"}`), executor.Wiring{})
	require.Equal(t, "subreddit", errs[0].Location)
	norm, errs := creatives.NewOutput(nil, imaging.NewBudget(40_000_000, 2)).Check(json.RawMessage(`{}`), executor.Wiring{})
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
