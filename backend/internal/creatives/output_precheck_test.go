package creatives

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// TestPrecheckIsBounded prechecks a hundred Outputs of one layout at every
// placement, as one run's precheck would: a text that cannot fit is found
// and named with its Ad layout, each (layout, placement) is measured once,
// and no run measures more than its budget however many layouts it has.
func TestPrecheckIsBounded(t *testing.T) {
	o := output{images: imaging.NewBudget(40_000_000, 2)}
	all := `{"num_images":1,"placements":["meta_feed_square","meta_feed_portrait","meta_stories","meta_reels","google_display_landscape","google_display_square","linkedin_single","x_single","pinterest_standard"]}`
	layout := func(headline string) map[string]any {
		return map[string]any{"layout": executor.Layout{Headline: headline, TextPosition: "auto", LogoPosition: "auto", Scrim: "auto", Brand: executor.DefaultBrand, Node: "Layout"}}
	}
	var cfg OutputConfig
	require.NoError(t, json.Unmarshal([]byte(all), &cfg))
	ctx, shared := context.Background(), executor.NewShared()
	for range 100 {
		require.NoError(t, o.Precheck(ctx, &executor.Run{Inputs: layout("Spring steps"), Shared: shared}, cfg))
	}
	require.Equal(t, precheckBudget-len(cfg.Placements), prechecksOf(&executor.Run{Shared: shared}).left, "one measure per placement for a hundred Outputs")

	err := o.Precheck(ctx, &executor.Run{Inputs: layout(strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis ", 30)), Shared: executor.NewShared()}, cfg)
	require.ErrorContains(t, err, "does not fit")
	require.ErrorContains(t, err, `in the Ad layout "Layout"`)

	shared = executor.NewShared()
	for i := range 50 {
		require.NoError(t, o.Precheck(ctx, &executor.Run{Inputs: layout(strings.Repeat("Steps ", i+1)), Shared: shared}, cfg))
	}
	require.Equal(t, 0, prechecksOf(&executor.Run{Shared: shared}).left, "the budget caps a run with many layouts")
}
