import type { JsonSchema, ModelInfo, ModelParam } from '../../api/types';

/**
 * Range is a numeric field's bounds as the form applies and shows them;
 * loose bounds depend on what is connected (a model's image-to-image
 * ranges differ), so only the server can tell.
 */
export type Range = { min?: number; max?: number; placeholder?: string; text: string; loose?: boolean };

/** modelOf returns the chosen model's x-models entry, when the schema lists models (IMAGE_MODEL). */
export function modelOf(schema: JsonSchema, config: Record<string, unknown>): ModelInfo | undefined {
  const id = config.model ?? schema.properties?.model?.default;
  return schema['x-models']?.find((m) => m.id === id);
}

/** rangeText writes bounds for people: "1–4", "≥ 0", "> 0.01", "≤ 20". */
export function rangeText(p: ModelParam & { exclusive_maximum?: number }): string {
  const lo = p.minimum !== undefined ? String(p.minimum) : undefined;
  if (lo !== undefined && p.maximum !== undefined) return `${lo}–${p.maximum}`;
  if (p.exclusive_minimum !== undefined) return p.maximum !== undefined ? `> ${p.exclusive_minimum}, ≤ ${p.maximum}` : `> ${p.exclusive_minimum}`;
  if (lo !== undefined) return `≥ ${lo}`;
  if (p.maximum !== undefined) return `≤ ${p.maximum}`;
  return '';
}

/** bounded says whether a model parameter entry carries any bound. */
function bounded(p: ModelParam | undefined): p is ModelParam {
  return !!p && (p.minimum !== undefined || p.maximum !== undefined || p.exclusive_minimum !== undefined);
}

/** schemaRanges collects the numeric fields of a schema by path, with their schema bounds. */
function schemaRanges(schema: JsonSchema, prefix: string, out: Record<string, Range>) {
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.type === 'object') schemaRanges(prop, `${prefix}${key}.`, out);
    else if (prop.type === 'number' || prop.type === 'integer') {
      const p = { minimum: prop.minimum, maximum: prop.maximum, exclusive_minimum: prop.exclusiveMinimum };
      out[prefix + key] = { min: prop.minimum, max: prop.maximum, text: rangeText(p), placeholder: prop.default !== undefined ? String(prop.default) : undefined };
    }
  }
}

/**
 * fieldRanges returns each numeric field's range by path. It comes from the
 * schema's minimum/maximum; for the fields of "parameters", the chosen model's
 * x-models entry wins (its text-to-image ranges, with the image-to-image ones
 * noted when they differ).
 */
export function fieldRanges(schema: JsonSchema, config: Record<string, unknown>): Record<string, Range> {
  const out: Record<string, Range> = {};
  schemaRanges(schema, '', out);
  const model = modelOf(schema, config);
  if (!model) return out;
  for (const path of Object.keys(out)) {
    if (!path.startsWith('parameters.')) continue;
    const name = path.slice('parameters.'.length);
    const t2i = model.text_to_image.params[name];
    const i2i = model.image_to_image?.params[name];
    const main = bounded(t2i) ? t2i : bounded(i2i) ? i2i : undefined;
    if (!main) continue;
    let text = rangeText(main);
    const differs = main === t2i && bounded(i2i) && rangeText(i2i) !== text;
    if (differs) text += ` (${rangeText(i2i)} with an image)`;
    if (main === i2i) text += ' (with an image)';
    const def = main.default ?? out[path].placeholder;
    out[path] = { min: main.minimum ?? main.exclusive_minimum, max: main.maximum, text: `${text} for ${model.label}`, placeholder: def !== undefined ? String(def) : undefined,
      ...(differs || main === i2i ? { loose: true } : {}) };
  }
  return out;
}

/**
 * outOfRange says what is wrong with a number a field holds, before saving
 * asks the server: below its minimum or above its maximum ('' when it is
 * within them, not a number yet, or its bounds are loose).
 */
export function outOfRange(range: Range | undefined, value: unknown): string {
  if (!range || range.loose || typeof value !== 'number' || Number.isNaN(value)) return '';
  if (range.min !== undefined && value < range.min) return `at least ${range.min}`;
  if (range.max !== undefined && value > range.max) return `at most ${range.max}`;
  return '';
}
