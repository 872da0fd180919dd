import type { FinalRecord, Generation, SafeZone } from '../../api/types';
import { asRecord } from '../../lib/record';
import type { NodeState } from '../../stores/runFold';
import { money } from '../../lib/money';

/** GalleryImage is one final ad image with what made it: its format, the generated image it came from, and that generation's prompt, model, seed and cost. */
export type GalleryImage = {
  url: string;
  width: number;
  height: number;
  ratio: string;
  /** placement is the platform format it was made for (none for a plain ratio). */
  placement?: string;
  /** format names the placement for people ("Meta · Stories"), once the gallery is grouped. */
  format?: string;
  /** safe is its placement's safe zone (the margins kept free of text and logo), once the gallery is grouped. */
  safe?: SafeZone;
  /** source is the generated image it was made from. */
  source?: string;
  prompt?: string;
  modelId?: string;
  seed?: number;
  /** costPerImage is its generation's cost shared by the images that generation made. */
  costPerImage?: number;
  /** reused says its image model reused an earlier run's output: nothing was paid for it this time. */
  reused?: boolean;
  /** fileName is the name it downloads under. */
  fileName: string;
};

/** Gallery is a run's final images, in order, and what each Output that received fewer images than it asked for says about it. */
export type Gallery = { images: GalleryImage[]; shortfalls: { nodeId: string; text: string }[] };

/** Final is one delivered image as an Output's output lists it (finals[]), before it is matched to its generation. */
type Final = { url: string; width: number; height: number; ratio: string; placement?: string; source?: string };

/** str reads a string, or undefined. */
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
/** num reads a finite number, or undefined. */
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** strings reads a list of strings (anything else reads as empty). */
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * finalsOf reads an Output node's delivered images: its finals, or for a
 * run older than them its final_images at the output's one size. The source
 * is the final's own, or the generated image at the same index of the
 * node's input (image_urls).
 */
export function finalsOf(output: unknown, input: unknown): Final[] {
  const out = asRecord(output);
  const inputs = strings(asRecord(input).image_urls);
  if (Array.isArray(out.finals)) {
    return out.finals.map(asRecord).filter((f) => str(f.url)).map((f, i) => ({
      url: f.url as string, width: num(f.width) ?? 1, height: num(f.height) ?? 1, ratio: str(f.ratio) ?? '',
      placement: str(f.placement), source: str(f.source) ?? inputs[i],
    }));
  }
  return strings(out.final_images).map((url, i) => ({
    url, width: num(out.width) ?? 1, height: num(out.height) ?? 1, ratio: str(out.aspect_ratio) ?? '', source: inputs[i],
  }));
}

/** slug makes a file-name part: lower case, accents dropped, ratios as 4x5, anything else between words as one dash. */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/(\d):(\d)/g, '$1x$2').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** extensionOf is a URL's file extension (png, jpg…), png when it has none. */
function extensionOf(url: string): string {
  return /\.([a-z0-9]{2,4})(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? 'png';
}

/**
 * downloadName names a final image's download after the workflow, its
 * format (the placement, or the ratio) and its number among the images of
 * that format: "spring-sneaker-launch-4x5-1.png".
 */
export function downloadName(workflowName: string, format: string, n: number, url: string): string {
  return [slug(workflowName) || 'ad', slug(format), String(n)].filter(Boolean).join('-') + '.' + extensionOf(url);
}

/** Origin is what made a generated image: its prompt, model, seed, cost and how many images shared it. */
type Origin = { prompt?: string; modelId?: string; seed?: number; cost?: number; count: number; reused: boolean };

/**
 * originsOf indexes generated images by URL. The run's generations say it
 * best; an image model node that reused an earlier run's output has no
 * generation in this run, so its own input (the prompt) and output (the
 * model, a cost of 0) say what they can.
 */
function originsOf(nodes: Record<string, NodeState>, generations: Generation[] | null): Map<string, Origin> {
  const made = new Map<string, Origin>();
  for (const n of Object.values(nodes)) {
    const out = asRecord(n.output_data);
    const urls = strings(out.image_urls);
    const modelId = str(out.model);
    if (!modelId || urls.length === 0) continue;
    const o: Origin = { prompt: str(asRecord(n.input_data).prompt), modelId, cost: num(out.cost), count: urls.length, reused: !!n.reused_from };
    for (const url of urls) made.set(url, o);
  }
  for (const g of generations ?? []) {
    const urls = g.image_urls ?? [];
    const o: Origin = { prompt: g.prompt, modelId: g.model_id, seed: num(asRecord(g.parameters).seed), cost: g.cost ?? undefined, count: urls.length, reused: false };
    for (const url of urls) made.set(url, o);
  }
  return made;
}

/**
 * recordsOf reads a run's final records (GET /api/executions/{id} finals):
 * each with what made it, as the zip's manifest says it. A final whose
 * picture was paid for by an earlier run (its generation is not this
 * run's) or that reused an earlier final is marked reused.
 */
function recordsOf(finals: FinalRecord[], generations: Generation[] | null, workflowName: string): GalleryImage[] {
  const paidHere = new Set((generations ?? []).map((g) => g.id));
  const counts = new Map<string, number>();
  return finals.map((f) => {
    const format = f.placement ?? f.ratio;
    const k = (counts.get(format) ?? 0) + 1;
    counts.set(format, k);
    return {
      url: f.url, width: f.width, height: f.height, ratio: f.ratio, placement: f.placement ?? undefined,
      source: f.source_url || undefined, prompt: f.prompt ?? undefined, modelId: f.model_id ?? undefined, seed: f.seed ?? undefined,
      costPerImage: f.cost ?? undefined,
      reused: !!f.reused_from || (!!f.generation_id && !paidHere.has(f.generation_id)) || undefined,
      fileName: downloadName(workflowName, format, k, f.url),
    };
  });
}

/**
 * galleryOf gathers a run's final images: its final records once the run
 * has them (the same list the zip and the workflow list read), else, while
 * it runs, its Output nodes' results, each matched to its generation
 * through the generated image it came from: the generation's prompt,
 * model, seed and cost per image (a generation's cost covers all its
 * images). Downloads are numbered per format.
 */
export function galleryOf(nodes: Record<string, NodeState>, generations: Generation[] | null, workflowName: string,
  finals: FinalRecord[] | null = null): Gallery {
  const shortfalls: Gallery['shortfalls'] = [];
  for (const n of Object.values(nodes)) {
    const short = str(asRecord(n.output_data).short);
    if (short) shortfalls.push({ nodeId: n.node_id, text: short });
  }
  if (finals && finals.length > 0) return { images: recordsOf(finals, generations, workflowName), shortfalls };
  const made = originsOf(nodes, generations);
  const counts = new Map<string, number>();
  const images: GalleryImage[] = [];
  for (const n of Object.values(nodes)) {
    for (const f of finalsOf(n.output_data, n.input_data)) {
      const o = f.source ? made.get(f.source) : undefined;
      const format = f.placement ?? f.ratio;
      const k = (counts.get(format) ?? 0) + 1;
      counts.set(format, k);
      images.push({
        ...f, prompt: o?.prompt, modelId: o?.modelId, seed: o?.seed, reused: o?.reused || undefined,
        costPerImage: o && o.cost !== undefined && o.count > 0 ? o.cost / o.count : undefined,
        fileName: downloadName(workflowName, format, k, f.url),
      });
    }
  }
  return { images, shortfalls };
}

/**
 * captionOf is the line under a final image in the lightbox: its model
 * (by label), seed, size and format, cost per image, and whether it was
 * reused, for what is known.
 */
export function captionOf(im: GalleryImage, modelLabel: (id: string) => string): string {
  const parts: string[] = [];
  if (im.modelId) parts.push(modelLabel(im.modelId));
  if (im.seed !== undefined) parts.push(`seed ${im.seed}`);
  const format = im.format ?? im.placement ?? im.ratio;
  parts.push(`${im.width}×${im.height}${format ? ` (${format})` : ''}`);
  if (im.costPerImage !== undefined) parts.push(`${money(im.costPerImage)} per image`);
  if (im.reused) parts.push('reused from an earlier run');
  return parts.join(' · ');
}
