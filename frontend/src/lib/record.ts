/** asRecord reads an untyped JSON value (a node's output, an event's payload) as an object; anything else reads as empty. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
