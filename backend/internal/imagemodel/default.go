package imagemodel

import "github.com/visualadgen/visualadgen/backend/internal/cost"

// Sources of the figures below (re-check them before changing any):
//   - fal-ai/flux/schnell and fal-ai/fast-sdxl: the official client's schemas,
//     github.com/fal-ai/fal-js libs/client/src/types/image/zod.gen.ts
//     (zFluxSchnellInput: num_images 1-4, num_inference_steps 1-12 default 4,
//     guidance_scale 1-20 default 3.5; zFastSdxlInput: num_images 1-8,
//     num_inference_steps 1-50 default 25, guidance_scale 0-20 default 7.5,
//     negative_prompt, enable_safety_checker default true);
//   - fal-ai/flux/dev: fal.ai/docs/model-api-reference/image-generation-api/flux-dev
//     (num_inference_steps 1-50 default 28, guidance_scale 1-20 default 3.5,
//     num_images 1-4);
//   - fal-ai/flux/dev/image-to-image: fal's page as mirrored by
//     docs.kkiai.com and docs.yutoai.net (strength 0.01-1 default 0.95,
//     num_inference_steps 10-50 default 40, no image_size), matching the
//     official schema of its sibling zFluxKreaImageToImageInput;
//   - fal-ai/fast-sdxl/image-to-image: no published schema was found; it takes
//     fast-sdxl's fields plus image_url and strength (seen in callers), and
//     strength uses the official range of its sibling
//     zFastFooocusSdxlImageToImageInput (0.05-1, default 0.95);
//
// Prices (FAL's published prices, looked up 2026-11-26; an operator corrects
// them with FAL_PRICES, see .env.example):
//   - fal-ai/flux/schnell: $0.003 per megapixel, fal.ai/models/fal-ai/flux-1/
//     schnell/llms.txt ("Price: $0.003 per megapixels");
//   - fal-ai/flux/dev: $0.025 per megapixel, fal.ai/models/fal-ai/flux-1/dev/
//     playground ("$0.025 per megapixel. Images are billed by rounding up to
//     the nearest megapixel");
//   - fal-ai/flux/dev/image-to-image: $0.03 per megapixel, shared/protocols.md
//     (a mirror dated 2025-06-12 lists $0.025; FAL's pricing API,
//     GET https://api.fal.ai/v1/models/pricing, gives an account's price);
//   - fal-ai/fast-sdxl (and its image-to-image): the brief's $0.002 per
//     megapixel of each image (rounded up per image, as flux is). FAL bills
//     fast-sdxl per compute second and publishes no per-image or
//     per-megapixel price for it (docs.fal.ai/fast-sdxl: "A typical
//     inference takes 2.3 seconds and will cost ~$0.0025"), so nothing
//     outranks the user's own table; its x-fal-billable-units count
//     seconds, which are never multiplied by this price (BilledIn).

// Default returns the brief's three models.
func Default() *Table {
	t, err := New(fluxSchnell(), fluxDev(), sdxl())
	if err != nil {
		panic(err) // the table above is fixed at build time
	}
	return t
}

// common are the parameters every endpoint here takes.
func common(numImagesMax float64, extra map[string]Range) map[string]Range {
	p := map[string]Range{
		"num_images":            {Min: F(1), Max: F(numImagesMax), Default: 1},
		"seed":                  {},
		"enable_safety_checker": {},
	}
	for k, v := range extra {
		p[k] = v
	}
	return p
}

// perMP is a price per megapixel.
func perMP(usd float64) cost.Price { return cost.Price{Unit: cost.PerMegapixel, USD: usd} }

// byMP and bySecond are the units FAL counts billable units in: megapixels
// for FLUX (its pages), compute seconds for fast-sdxl (docs.fal.ai/fast-sdxl).
const (
	byMP     = cost.PerMegapixel
	bySecond = cost.PerSecond
)

// fluxSchnell is fal-ai/flux/schnell: text to image only.
func fluxSchnell() Model {
	return Model{ID: "fal-ai/flux/schnell", Label: "FLUX schnell", Blurb: "fast",
		TextToImage: Endpoint{ID: "fal-ai/flux/schnell", ImageSize: true, Price: perMP(0.003), BilledIn: byMP, Params: common(4, map[string]Range{
			"num_inference_steps": {Min: F(1), Max: F(12), Default: 4},
			"guidance_scale":      {Min: F(1), Max: F(20), Default: 3.5},
		})}}
}

// fluxDev is fal-ai/flux/dev, with fal-ai/flux/dev/image-to-image when a
// photo is connected (its output follows the photo's size).
func fluxDev() Model {
	return Model{ID: "fal-ai/flux/dev", Label: "FLUX dev", Blurb: "detailed",
		TextToImage: Endpoint{ID: "fal-ai/flux/dev", ImageSize: true, Price: perMP(0.025), BilledIn: byMP, Params: common(4, map[string]Range{
			"num_inference_steps": {Min: F(1), Max: F(50), Default: 28},
			"guidance_scale":      {Min: F(1), Max: F(20), Default: 3.5},
		})},
		ImageToImage: &Endpoint{ID: "fal-ai/flux/dev/image-to-image", Price: perMP(0.03), BilledIn: byMP, Params: common(4, map[string]Range{
			"num_inference_steps": {Min: F(10), Max: F(50), Default: 40},
			"guidance_scale":      {Min: F(1), Max: F(20), Default: 3.5},
			"strength":            {Min: F(0.01), Max: F(1), Default: 0.95},
		})}}
}

// sdxl is the brief's fal-ai/stable-diffusion-xl, served by fal-ai/fast-sdxl
// (FAL has no endpoint of the brief's name).
func sdxl() Model {
	params := func(extra map[string]Range) map[string]Range {
		base := map[string]Range{
			"num_inference_steps": {Min: F(1), Max: F(50), Default: 25},
			"guidance_scale":      {Min: F(0), Max: F(20), Default: 7.5},
			"negative_prompt":     {},
		}
		for k, v := range extra {
			base[k] = v
		}
		return common(8, base)
	}
	price := perMP(0.002)
	return Model{ID: "fal-ai/stable-diffusion-xl", Label: "Stable Diffusion XL", Blurb: "negative prompts",
		TextToImage: Endpoint{ID: "fal-ai/fast-sdxl", ImageSize: true, Price: price, BilledIn: bySecond, Params: params(nil)},
		ImageToImage: &Endpoint{ID: "fal-ai/fast-sdxl/image-to-image", ImageSize: true, Price: price, BilledIn: bySecond, Params: params(map[string]Range{
			"strength": {Min: F(0.05), Max: F(1), Default: 0.95},
		})}}
}
