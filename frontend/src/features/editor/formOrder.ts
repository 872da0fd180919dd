import type { JsonSchema } from '../../api/types';

/**
 * orderedKeys lists an object schema's properties as the form shows them:
 * required ones first, then the rest, each group in x-order, then any
 * property x-order does not name.
 */
export function orderedKeys(schema: JsonSchema): string[] {
  const all = Object.keys(schema.properties ?? {});
  const order = (schema['x-order'] ?? []).filter((k) => all.includes(k));
  const listed = [...order, ...all.filter((k) => !order.includes(k))];
  const required = new Set(schema.required ?? []);
  return [...listed.filter((k) => required.has(k)), ...listed.filter((k) => !required.has(k))];
}

/** fixedValue returns the only value an enum allows (SOCIAL_MEDIA's platform "reddit"), which is no choice: the form states it instead of offering a dropdown. */
export function fixedValue(prop: JsonSchema): string | number | undefined {
  return prop.enum?.length === 1 ? prop.enum[0] : undefined;
}
