import type { Quote } from '../../../api/types';
import { asRecord } from '../../../lib/record';
import { money } from '../../../lib/money';
import type { NodeState } from '../../../stores/runFold';

/** CostPart is one piece of a node's cost line: its words, its tooltip, and its test id. */
export type CostPart = { text: string; title: string; testId: 'node-cost' | 'node-estimate' | 'node-will-reuse' };

/** priceNote explains an estimate: how many units at which price ("2 megapixels × $0.025"). */
export function priceNote(q: Quote): string {
  if (!q.unit || q.units === undefined || q.unit_usd === undefined) return 'estimated cost';
  return `estimated: ${q.units} ${q.unit}${q.units === 1 ? '' : 's'} × ${money(q.unit_usd)} (FAL's price)`;
}

/** isReused says whether a node completed with an earlier output of the user's in the shown run (nothing was paid). */
export function isReused(state: Pick<NodeState, 'reused_from'> | undefined): boolean {
  return !!state?.reused_from;
}

/**
 * costLine is what a node's footer says of money: one thing, for the run
 * it speaks of. While a run is shown: what the node cost in it ($0.00 when
 * it reused an earlier output), and nothing of the next run. With no run
 * shown, from the estimate: "will reuse" for a node the next run will not
 * pay for, or its estimated cost (not for the free local preview).
 */
export function costLine(state: NodeState | undefined, estimate: Quote | undefined, runShown: boolean): CostPart[] {
  if (runShown || state) {
    const paid = asRecord(state?.output_data).cost;
    if (isReused(state)) return [{ text: money(0), title: 'Reused an earlier output of yours: nothing was paid', testId: 'node-cost' }];
    if (state && typeof paid === 'number') return [{ text: money(paid), title: 'What this node cost in the shown run', testId: 'node-cost' }];
    return [];
  }
  if (!estimate) return [];
  if (estimate.reused) {
    return [{ text: 'will reuse', title: 'The next run reuses an earlier output of yours with the same inputs: nothing is paid', testId: 'node-will-reuse' }];
  }
  if (estimate.preview) return [];
  return [{ text: `~${money(estimate.cost)}`, title: priceNote(estimate), testId: 'node-estimate' }];
}
