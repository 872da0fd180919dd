import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../api/types';
import type { NodeState } from '../../../stores/runFold';
import { costLine } from './costLine';

/** state makes a completed node state with an output and, when reused, where from. */
const state = (output: object, reused_from: string | null = null): NodeState => ({
  id: 'ne', execution_id: 'x', node_id: 'm', status: 'COMPLETED', input_data: null, output_data: output as NodeState['output_data'], error_message: null,
  queued_at: null, started_at: null, finished_at: null, reused_from,
});
const quote: Quote = { node_id: 'm', cost: 0.006, images: 2, unit: 'megapixel', unit_usd: 0.003, units: 2 };
/** texts is what the line says. */
const texts = (...args: Parameters<typeof costLine>) => costLine(...args).map((p) => p.text);

describe('a node\'s cost line', () => {
  it('before any run: the estimate, or "will reuse" for a node the run will not pay for', () => {
    expect(texts(undefined, quote, false)).toEqual(['~$0.006']);
    expect(costLine(undefined, quote, false)[0].title).toContain('2 megapixels × $0.003');
    expect(texts(undefined, { ...quote, cost: 0, reused: true }, false)).toEqual(['will reuse']);
    expect(texts(undefined, { ...quote, preview: true }, false)).toEqual([]);
    expect(texts(undefined, { ...quote, preview: true, reused: true }, false)).toEqual(['will reuse']);
  });

  it('a node that reused an earlier output cost nothing, and says nothing more', () => {
    expect(costLine(state({ cost: 0 }, 'ne-0'), { ...quote, reused: true }, true)).toEqual([
      { text: '$0.00', title: 'Reused an earlier output of yours: nothing was paid', testId: 'node-cost' },
    ]);
  });

  it('while a run is shown: only what the node cost in it, never what the next run will do', () => {
    expect(texts(state({ cost: 0.006 }), { ...quote, reused: true }, true)).toEqual(['$0.006']);
    expect(texts(state({ text: 'x' }), quote, true)).toEqual([]);
    expect(texts(undefined, quote, true)).toEqual([]);
  });
});
