import type { Quote } from '../../../api/types';
import { asRecord } from '../../../lib/record';
import type { NodeState } from '../../../stores/runFold';

/** CostPart is one piece of a node's cost line: its words, its tooltip, and its test id. */
export type CostPart = { text: string; title: string; testId: 'node-cost' | 'node-estimate' | 'node-will-reuse' };

/** priceNote explains an estimate: how many units at which price ("2 megapixels × $0.025"). */
export function priceNote(q: Quote): string {
  if (!q.unit || q.units === undefined || q.unit_usd === undefined) return 'estimated cost';
  return `estimated: ${q.units} ${q.unit}${q.units === 1 ? '' : 's'} × $${q.unit_usd} (FAL's price)`;
}

/** isReused says whether a node completed with an earlier output of the user's in the shown run (nothing was paid). */
export function isReused(state: Pick<NodeState, 'reused_from'> | undefined): boolean {
  return !!state?.reused_from;
}

/**
 * costLine is what a node's footer says of money. In the shown run: what
 * it cost ($0.000 when it reused an earlier output). Before a run, from
 * the estimate: "will reuse" for a node the next run will not pay for, or
 * its estimated cost (not for the free local preview). After a run that
 * paid, a node the next run will reuse says so too; while a run is live
 * the estimate (for the next run) is not shown.
 */
export function costLine(state: NodeState | undefined, estimate: Quote | undefined, runLive: boolean): CostPart[] {
  const parts: CostPart[] = [];
  const reused = isReused(state);
  const paid = asRecord(state?.output_data).cost;
  if (reused) parts.push({ text: '$0.000', title: 'Reused an earlier output of yours: nothing was paid', testId: 'node-cost' });
  else if (state && typeof paid === 'number') parts.push({ text: `$${paid.toFixed(3)}`, title: 'What this node cost in the shown run', testId: 'node-cost' });
  if (!estimate || runLive || reused) return parts;
  if (estimate.reused) {
    parts.push({ text: 'will reuse', title: 'The next run reuses an earlier output of yours with the same inputs: nothing is paid', testId: 'node-will-reuse' });
  } else if (!state && !estimate.preview) {
    parts.push({ text: `~$${estimate.cost.toFixed(3)}`, title: priceNote(estimate), testId: 'node-estimate' });
  }
  return parts;
}
