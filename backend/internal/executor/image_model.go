package executor

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
	"github.com/visualadgen/visualadgen/backend/internal/store"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ImageModelType is the node type of the image model.
const ImageModelType workflow.NodeType = "IMAGE_MODEL"

// ImageModelConfig is IMAGE_MODEL's config: the brief's {model, parameters}.
type ImageModelConfig struct {
	Model      string           `json:"model,omitempty" title:"Model"`
	Parameters ImageModelParams `json:"parameters,omitempty" title:"Parameters"`
}

// ImageModelDeps is what the image model works with.
type ImageModelDeps struct {
	Models *imagemodel.Table
	Gen    Generator
	Blobs  blob.Store
	// Images decodes input photos to size them for FAL.
	Images *imaging.Budget
	// Downloads fetches linked input photos; it must refuse private
	// addresses (fetch.Client).
	Downloads *http.Client
	// Preview says Gen is the local preview renderer: nothing is billed.
	Preview bool
	// Log notes billing facts worth an operator's eye (nil: none).
	Log *slog.Logger
}

// imageModel generates images from a prompt (and optionally a product
// photo): inputs {prompt, image_url?} -> {image_urls, cost, blocked}.
// Images are copied into our storage and the generation is recorded with
// its cost.
type imageModel struct{ ImageModelDeps }

// NewImageModel returns the IMAGE_MODEL executor.
func NewImageModel(d ImageModelDeps) Executor { return Typed[ImageModelConfig](imageModel{d}) }

// Describe describes IMAGE_MODEL, saying so in preview mode.
func (m imageModel) Describe() Description {
	d := Description{Type: ImageModelType, Label: "Image model", Icon: "sparkles",
		Description: "Generates images with FAL AI (FLUX schnell, FLUX dev, Stable Diffusion XL).",
		Inputs: []Port{{Name: "prompt", Label: "Prompt", Kind: KindText, Required: true},
			{Name: "image_url", Label: "Image", Kind: KindImage}},
		Output: ImageModelOutput{}}
	if m.Preview {
		d.Notice = "FAL_KEY is not set on this server: images are local previews at $0"
	}
	return d
}

// TuneSchema sets the model list, the ratios and sizes, and each
// parameter's widest range from the model table, and serves every model's
// own ranges and prices as x-models.
func (m imageModel) TuneSchema(s *schema.Of[ImageModelConfig]) {
	ids := m.Models.IDs()
	s.Tune("model", func(p *huma.Schema) {
		p.Enum, p.Default = AnyList(ids), ids[0]
		labels := map[string]string{}
		for _, m := range m.Models.All() {
			p := m.TextToImage.Price
			labels[m.ID] = fmt.Sprintf("%s, %s, $%g per %s", m.Label, m.Blurb, p.USD, p.Unit)
		}
		labelEnum(p, labels)
	})
	s.Tune("parameters.aspect_ratio", func(p *huma.Schema) {
		p.Enum = RatioEnum(true)
		labelEnum(p, map[string]string{MatchOutput: "Match the Output"})
	})
	s.Tune("parameters.image_size", func(p *huma.Schema) { p.Enum = AnyList(imagemodel.SizeNames()) })
	for _, name := range []string{"num_images", "num_inference_steps", "guidance_scale", "strength"} {
		lo, hi := m.Models.Bounds(name)
		s.Tune("parameters."+name, func(p *huma.Schema) { p.Minimum, p.Maximum = lo, hi })
	}
	s.Extend("x-models", servedModels(m.Models))
}

// Salt tells previews from FAL's pictures in signatures.
func (m imageModel) Salt() string {
	if m.Preview {
		return "preview"
	}
	return "fal"
}

// Check validates the model and its parameters against the endpoint the
// node will use: image-to-image when a photo is connected.
func (m imageModel) Check(c *ImageModelConfig, w Wiring) []fault.Field {
	model, ok := m.Models.Get(c.Model)
	if !ok {
		return []fault.Field{{Location: "model", Message: "choose one of " + strings.Join(m.Models.IDs(), ", ")}}
	}
	e, ok := model.Endpoint(w.Has("image_url"))
	if !ok {
		return []fault.Field{{Location: "model", Message: fmt.Sprintf("%s cannot start from an input image: disconnect the image or choose another model", model.Label)}}
	}
	return c.Parameters.check(model, e)
}

// Estimate is what one run of the config will generate and cost: the
// rule FAL bills by, applied to the sizes each request will ask for.
func (m imageModel) Estimate(c ImageModelConfig, w Wiring) (Quote, error) {
	model, _ := m.Models.Get(c.Model)
	e, _ := model.Endpoint(w.Has("image_url"))
	n := c.Parameters.count(e)
	q := Quote{Endpoint: e.ID, Unit: e.Price.Unit, UnitUSD: e.Price.USD, Preview: m.Preview}
	for _, pl := range c.Parameters.plans(w) {
		q.Plans = append(q.Plans, PlanQuote{Ratio: pl.ratio, Width: pl.size.Width, Height: pl.size.Height, Images: n})
		q.Images += n
		if !m.Preview {
			q.Units += cost.Quantity(e.Price, pl.sizes(n))
		}
	}
	q.Cost = cost.Billed(e.Price, q.Units)
	return q, nil
}

// Run makes one FAL request per planned ratio, stores the images that
// passed FAL's safety checker and records each request's generation with
// what FAL billed.
func (m imageModel) Run(ctx context.Context, r *Run, c ImageModelConfig) (*Result, error) {
	p, err := m.planOf(r, c)
	if err != nil {
		return nil, err
	}
	reqs, e := p.reqs, p.ep
	params := make([]json.RawMessage, len(reqs))
	total := 0.0
	for i := range reqs {
		params[i], _ = json.Marshal(reqs[i].Input) // recorded with our URL, never a data URI
		input, size := reqs[i].Input, p.plans[i].size
		reqs[i].Ready = func(ctx context.Context) (map[string]any, error) { // only when it is sent
			sent := maps.Clone(input)
			return sent, m.sizePhoto(ctx, sent, size)
		}
		total += reqs[i].PlannedUSD
	}
	if r.Reserve != nil && !m.Preview && r.Requests != nil { // before FAL is asked for anything
		if sent, err := r.Requests.List(ctx); err != nil {
			return nil, Retryable(fmt.Errorf("read what was asked of FAL: %w", err))
		} else if len(sent) == 0 {
			if err := r.Reserve(ctx, cost.Round(total), p.model.ID); err != nil {
				return nil, err
			}
		}
	}
	got, err := m.Gen.Generate(ctx, r, reqs)
	if err != nil {
		return nil, err
	}
	var urls []string
	var gens []*workflow.Generation
	spentAll, blocked := 0.0, 0
	for i, g := range got {
		stored, flagged, err := m.store(ctx, r, i, g)
		if err != nil {
			return nil, err
		}
		spent := m.actualCost(e, reqs[i], g)
		if _, set := reqs[i].Input["seed"]; !set && g.Seed != nil { // record the seed FAL chose
			reqs[i].Input["seed"] = *g.Seed
			params[i] = withSeed(params[i], *g.Seed)
		}
		urls, blocked, spentAll = append(urls, stored...), blocked+flagged, cost.Round(spentAll+spent)
		gens = append(gens, &workflow.Generation{ModelID: p.model.ID, Endpoint: e.ID, Prompt: p.prompt, Parameters: params[i], ImageURLs: nonNil(stored),
			AspectRatio: p.plans[i].ratio, Cost: &spent})
	}
	if len(urls) == 0 {
		return nil, PaidFailure(fmt.Errorf("FAL's safety checker flagged all %d images as not safe for work, so none is delivered (they are still billed): change the prompt", blocked), gens)
	}
	return &Result{Output: OutputOf(ImageModelOutput{ImageURLs: urls, Cost: spentAll, Model: p.model.ID, Preview: m.Preview,
		Blocked: blocked, Plans: quotePlans(p.plans, reqs)}), Generations: gens}, nil
}

// store keeps the images of request i that were not flagged, and counts
// the flagged ones.
func (m imageModel) store(ctx context.Context, r *Run, i int, g *Generated) (urls []string, flagged int, err error) {
	for j, im := range g.Images {
		if im.Flagged {
			flagged++
			continue
		}
		url, err := Keep(ctx, m.Blobs, r, fmt.Sprintf("generations/%s/%s-%d-%d", r.ExecutionID, r.NodeID, i, j), store.FileGeneration, im.ContentType, im.Data)
		if err != nil {
			return nil, 0, Retryable(fmt.Errorf("store image %d: %w", j+1, err))
		}
		urls = append(urls, url)
	}
	return urls, flagged, nil
}

// quotePlans lists what each request asked for, for the node's output.
func quotePlans(plans []plan, reqs []Request) []PlanQuote {
	out := make([]PlanQuote, len(plans))
	for i, pl := range plans {
		out[i] = PlanQuote{Ratio: pl.ratio, Width: pl.size.Width, Height: pl.size.Height, Images: reqs[i].Count}
	}
	return out
}

// withSeed adds the seed FAL chose to recorded parameters.
func withSeed(params json.RawMessage, seed int64) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(params, &m) != nil {
		return params
	}
	m["seed"] = seed
	b, _ := json.Marshal(m)
	return b
}

// nonNil is s, or an empty list.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// actualCost is what FAL billed for one request: its x-fal-billable-units
// times the unit price when FAL counts in the price's unit, else the
// billing rule applied to the images it returned (flagged ones included:
// they are billed too). Units of another kind (FAL bills fast-sdxl per
// compute second) are never multiplied by a price per megapixel or image:
// then what was planned stands, and the log says why.
func (m imageModel) actualCost(e imagemodel.Endpoint, req Request, got *Generated) float64 {
	switch {
	case m.Preview:
		return 0
	case got.BillableUnits != nil && e.BilledIn == e.Price.Unit:
		return cost.Billed(e.Price, *got.BillableUnits)
	case got.BillableUnits != nil:
		if m.Log != nil {
			m.Log.Info("fal: billable units are not in the price's unit; the planned cost stands",
				"endpoint", e.ID, "units", *got.BillableUnits, "fal_unit", e.BilledIn, "price_unit", e.Price.Unit, "planned_usd", req.PlannedUSD)
		}
		return req.PlannedUSD
	}
	sizes := make([]cost.Size, len(got.Images))
	for i, im := range got.Images {
		sizes[i] = cost.Size{Width: im.Width, Height: im.Height}
	}
	return cost.Of(e.Price, sizes)
}

// Outside is how a run's end stops this node's FAL requests (nil for the
// local preview renderer, which sends none).
func (m imageModel) Outside() Outsider {
	if o, ok := m.Gen.(Outsider); ok {
		return o
	}
	return nil
}

// labelEnum names enum values for people in the editor (x-enum-labels).
func labelEnum(p *huma.Schema, labels map[string]string) {
	if p.Extensions == nil {
		p.Extensions = map[string]any{}
	}
	p.Extensions["x-enum-labels"] = labels
}

// AnyList converts strings to a JSON Schema enum.
func AnyList(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
