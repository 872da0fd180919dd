// Package starters holds the ready-to-run workflows a new user starts
// from: product text to ad, product photo to ad variations, and a Reddit
// trend to ad. Each is built with fresh node ids for the user who asks.
package starters

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Starter is one ready-to-run workflow.
type Starter struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Needs names the settings a run of it needs (RAPIDAPI_KEY).
	Needs []string `json:"needs"`
	build func(ctx context.Context, photo PhotoFunc) (workflow.Graph, error)
}

// PhotoFunc stores the sample product photo for the user and returns its
// URL (the photo starter's image input).
type PhotoFunc func(ctx context.Context) (string, error)

// All lists the starters in the order the editor offers them.
func All() []Starter {
	return []Starter{
		{ID: "product-text-to-ad", Name: "Product text to ad", Description: "Describe the product; get two 4:5 feed ads.",
			build: textToAd},
		{ID: "product-photo-variations", Name: "Product photo to ad variations", Description: "Start from a product photo; get four square variations that keep the product.",
			build: photoVariations},
		{ID: "brand-ad-set", Name: "Ad set for three platforms", Description: "One picture idea, laid out with a headline and a button at Meta feed, Stories and Google display sizes; download them as a zip.",
			build: adSet},
		{ID: "reddit-trend-to-ad", Name: "Reddit trend to ad", Description: "Ride what r/sneakers talks about today; get two 9:16 story ads.",
			Needs: []string{"RAPIDAPI_KEY"}, build: trendToAd},
	}
}

// Get returns the starter with id.
func Get(id string) (Starter, bool) {
	for _, s := range All() {
		if s.ID == id {
			return s, true
		}
	}
	return Starter{}, false
}

// Build makes the starter's graph with fresh ids.
func (s Starter) Build(ctx context.Context, photo PhotoFunc) (workflow.Graph, error) {
	return s.build(ctx, photo)
}

// graph assembles nodes and edges; nodes are placed left to right by
// column and row.
type graph struct {
	g   workflow.Graph
	ids map[string]string
}

// node adds a node with its config at column col, row row.
func (b *graph) node(key string, t workflow.NodeType, name string, col, row int, cfg any) {
	raw, _ := json.Marshal(cfg)
	id := workflow.NewID()
	if b.ids == nil {
		b.ids = map[string]string{}
	}
	b.ids[key] = id
	b.g.Nodes = append(b.g.Nodes, workflow.Node{ID: id, Type: t, Name: name, Config: raw,
		PositionX: float64(40 + col*300), PositionY: float64(60 + row*240)})
}

// edge connects two nodes, into a named input when handle is not empty.
func (b *graph) edge(from, to, handle string) {
	e := workflow.Edge{ID: workflow.NewID(), SourceNodeID: b.ids[from], TargetNodeID: b.ids[to]}
	if handle != "" {
		e.TargetHandle = &handle
	}
	b.g.Edges = append(b.g.Edges, e)
}

// textToAd is Text -> Prompt -> Image model -> Output 4:5.
func textToAd(context.Context, PhotoFunc) (workflow.Graph, error) {
	var b graph
	b.node("text", executor.TextInputType, "Product", 0, 0, map[string]any{"value": "Red canvas sneakers with white soles"})
	b.node("prompt", executor.PromptType, "Prompt", 1, 0, map[string]any{"template": "A bold spring ad photo of {{text}}, studio light, vivid colours, room for a headline"})
	b.node("model", executor.ImageModelType, "FLUX schnell", 2, 0, map[string]any{"model": "fal-ai/flux/schnell", "parameters": map[string]any{"num_images": 2}})
	b.node("out", creatives.OutputType, "Feed ads", 3, 0, map[string]any{"num_images": 2, "aspect_ratio": "4:5"})
	b.edge("text", "prompt", "")
	b.edge("prompt", "model", "prompt")
	b.edge("model", "out", "")
	return b.g, nil
}

// photoVariations is a product photo and a text into FLUX dev
// image-to-image -> Output 1:1.
func photoVariations(ctx context.Context, photo PhotoFunc) (workflow.Graph, error) {
	url, err := photo(ctx)
	if err != nil {
		return workflow.Graph{}, fmt.Errorf("the sample photo: %w", err)
	}
	var b graph
	b.node("photo", executor.ImageInputType, "Product photo", 0, 0, map[string]any{"image_url": url})
	b.node("text", executor.TextInputType, "Setting", 0, 1, map[string]any{"value": "on a sunlit city pavement, spring morning"})
	b.node("prompt", executor.PromptType, "Prompt", 1, 1, map[string]any{"template": "The same sneaker {{text}}, advertising photo, sharp focus"})
	b.node("model", executor.ImageModelType, "FLUX dev", 2, 0, map[string]any{"model": "fal-ai/flux/dev", "parameters": map[string]any{"num_images": 4, "strength": 0.85}})
	b.node("out", creatives.OutputType, "Square ads", 3, 0, map[string]any{"num_images": 4, "aspect_ratio": "1:1"})
	b.edge("photo", "model", "image_url")
	b.edge("text", "prompt", "")
	b.edge("prompt", "model", "prompt")
	b.edge("model", "out", "")
	return b.g, nil
}

// trendToAd is Reddit trends and a text -> Prompt -> Image model -> Output 9:16.
func trendToAd(context.Context, PhotoFunc) (workflow.Graph, error) {
	var b graph
	b.node("reddit", executor.SocialMediaType, "r/sneakers today", 0, 0, map[string]any{"subreddit": "sneakers", "sort": "top", "time": "day", "limit": 10})
	b.node("text", executor.TextInputType, "Product", 0, 1, map[string]any{"value": "Red canvas sneakers with white soles"})
	b.node("prompt", executor.PromptType, "Prompt", 1, 0, map[string]any{"template": "A story ad for {{text}} that rides on what sneaker fans talk about today: {{trends}}; bold, vertical, room for a headline"})
	b.node("model", executor.ImageModelType, "FLUX schnell", 2, 0, map[string]any{"model": "fal-ai/flux/schnell", "parameters": map[string]any{"num_images": 2}})
	b.node("out", creatives.OutputType, "Story ads", 3, 0, map[string]any{"num_images": 2, "aspect_ratio": "9:16"})
	b.edge("reddit", "prompt", "")
	b.edge("text", "prompt", "")
	b.edge("prompt", "model", "prompt")
	b.edge("model", "out", "")
	return b.g, nil
}

// adSet is Text -> Prompt -> Image model -> Output (three placements), with
// Text -> Ad layout -> the Output's layout.
func adSet(context.Context, PhotoFunc) (workflow.Graph, error) {
	var b graph
	b.node("text", executor.TextInputType, "Product", 0, 0, map[string]any{"value": "Red canvas sneakers"})
	b.node("prompt", executor.PromptType, "Prompt", 1, 0, map[string]any{"template": "A bright spring lifestyle photo of {{text}} on a city pavement, no text, room for a headline"})
	b.node("model", executor.ImageModelType, "FLUX schnell", 2, 0, map[string]any{"model": "fal-ai/flux/schnell", "parameters": map[string]any{"num_images": 1}})
	b.node("layout", creatives.AdLayoutType, "Ad layout", 2, 1, map[string]any{"headline": "{{text}}", "subline": "Spring collection, now 20% off", "cta": "Shop now"})
	b.node("out", creatives.OutputType, "Ad set", 3, 0, map[string]any{"num_images": 1,
		"placements": []string{"meta_feed_portrait", "meta_stories", "google_display_landscape"}})
	b.edge("text", "prompt", "")
	b.edge("prompt", "model", "prompt")
	b.edge("model", "out", "image_urls")
	b.edge("text", "layout", "")
	b.edge("layout", "out", "layout")
	return b.g, nil
}
