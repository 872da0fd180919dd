import type { ProblemDetail } from '../../api/types';

/** graphErrors turns the API's field errors (body.nodes[<id>].config.<field>) into errors per node and field. */
export function graphErrors(details: ProblemDetail[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const d of details) {
    const m = /^body\.nodes\[([^\]]+)\](?:\.(.*))?$/.exec(d.location ?? '');
    if (!m) continue;
    const field = (m[2] ?? 'config').replace(/^config\./, '');
    const msg = d.message.replace(/^node "[^"]*": [^:]*: /, '');
    (out[m[1]] ??= {})[field] = msg;
  }
  return out;
}
