import { describe, expect, it } from 'vitest';
import { arrange } from './layout';
import { isFree, NEW_NODE } from './placement';

/** node is a layout input at (x, y) of the new-node size. */
const node = (id: string, x = 0, y = 0) => ({ id, x, y, ...NEW_NODE });

describe('arrange', () => {
  it('lays a chain out left to right, as data flows', () => {
    const p = arrange([node('out', 5, 5), node('model', 0, 400), node('text', 900, 0)], [
      { source: 'text', target: 'model' }, { source: 'model', target: 'out' },
    ]);
    expect(p.text.x).toBeLessThan(p.model.x);
    expect(p.model.x).toBeLessThan(p.out.x);
    expect(p.text.y).toBe(p.model.y);
  });

  it('keeps nodes apart and starts where the graph started', () => {
    const nodes = [node('a', 40, 60), node('b', 40, 60), node('c', 400, 300), node('d', 700, 80)];
    const p = arrange(nodes, [{ source: 'a', target: 'c' }, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }]);
    const boxes = nodes.map((n) => ({ ...p[n.id], ...NEW_NODE }));
    boxes.forEach((b, i) => expect(isFree(b, boxes.filter((_, j) => j !== i), 0)).toBe(true));
    expect(Math.min(...boxes.map((b) => b.x))).toBe(40);
    expect(Math.min(...boxes.map((b) => b.y))).toBe(60);
  });

  it('ignores edges to nodes it was not given, and an empty graph', () => {
    expect(Object.keys(arrange([node('a')], [{ source: 'a', target: 'gone' }]))).toEqual(['a']);
    expect(arrange([], [])).toEqual({});
  });
});
