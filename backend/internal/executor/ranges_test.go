package executor_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fal/faltest"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
)

// TestRangesAreFALs proves the model table against FAL's own rules (the
// fake's copy of them): for every endpoint and numeric parameter, the
// table's bounds pass our validation and FAL's, and a value just outside
// them is refused by our validation, so it never reaches FAL. The fake
// answers 404 for an endpoint it has no rules for, as FAL does for an
// unknown app: a new model fails here until FAL's rules for it are written
// into the fake, instead of passing unchecked.
func TestRangesAreFALs(t *testing.T) {
	s := faltest.New()
	defer s.Close()
	c := &fal.Client{BaseURL: s.URL, Key: "k"}
	photo := "data:image/png;base64,iVBORw0KGgo="
	im := previewModel(nil)
	for _, m := range imagemodel.Default().All() {
		for _, withPhoto := range []bool{false, true} {
			e, ok := m.Endpoint(withPhoto)
			if !ok {
				continue
			}
			w := executorWiring(withPhoto)
			plain := map[string]any{"prompt": "p"}
			if withPhoto {
				plain["image_url"] = photo
			}
			_, err := c.Submit(context.Background(), e.ID, plain)
			require.NoError(t, err, "%s: the fake knows FAL's rules for every endpoint of the table (a 404: add them to faltest's rules)", e.ID)
			for name, r := range e.Params {
				for _, edge := range []struct {
					bound *float64
					step  float64
				}{{r.Min, -0.001}, {r.Max, 0.001}} {
					if edge.bound == nil {
						continue
					}
					at := *edge.bound
					if r.ExclusiveMin && edge.step < 0 {
						at += 0.001
					}
					in := map[string]any{"prompt": "p", name: at}
					if withPhoto {
						in["image_url"] = photo
					}
					_, err := c.Submit(context.Background(), e.ID, in)
					require.NoError(t, err, "%s %s=%v: FAL refuses what we allow (a 404: the fake has no rules for the endpoint)", e.ID, name, at)
					cfg := fmt.Sprintf(`{"model":%q,"parameters":{%q:%v}}`, m.ID, name, at)
					_, errs := im.Check(json.RawMessage(cfg), w)
					require.Empty(t, errs, "%s %s=%v", e.ID, name, at)
					cfg = fmt.Sprintf(`{"model":%q,"parameters":{%q:%v}}`, m.ID, name, *edge.bound+edge.step)
					_, errs = im.Check(json.RawMessage(cfg), w)
					require.NotEmpty(t, errs, "%s %s=%v is refused when saved", e.ID, name, *edge.bound+edge.step)
					require.Equal(t, "parameters."+name, errs[0].Location)
				}
			}
		}
	}
	_, err := c.Submit(context.Background(), "fal-ai/flux/schnell", map[string]any{"prompt": "p", "num_inference_steps": 28})
	require.ErrorContains(t, err, "body.num_inference_steps: Input should be less than or equal to 12", "FAL's 422, as FAL words it")
	_, err = c.Submit(context.Background(), "fal-ai/no-such-model", map[string]any{"prompt": "p"})
	var fe *fal.Error
	require.True(t, errors.As(err, &fe) && fe.Status == 404, "an endpoint FAL does not know: %v", err)
}

// executorWiring is a wiring with or without a photo connected.
func executorWiring(withPhoto bool) executor.Wiring {
	if withPhoto {
		return executor.Inputs("image_url")
	}
	return executor.Wiring{}
}
