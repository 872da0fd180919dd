import { describe, expect, it } from 'vitest';
import { contains, GAP, isFree, NEW_NODE, overlaps, placeInView, placeNear, type Rect } from './placement';

const size = NEW_NODE;
/** box is a node of the new-node size at (x, y). */
const box = (x: number, y: number): Rect => ({ x, y, ...size });
/** view is the visible canvas of an 800×600 pane at zoom 1, scrolled to (x, y). */
const view = (x = 0, y = 0): Rect => ({ x, y, width: 800, height: 600 });

describe('placement', () => {
  it('tells boxes apart only when they keep the gap', () => {
    expect(overlaps(box(0, 0), box(size.width + GAP, 0))).toBe(false);
    expect(overlaps(box(0, 0), box(size.width + GAP - 1, 0))).toBe(true);
    expect(isFree(box(0, 0), [])).toBe(true);
    expect(contains(view(), box(10, 10))).toBe(true);
    expect(contains(view(), box(700, 10))).toBe(false);
  });

  it('fills the visible canvas in reading order, every node inside it and apart', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 5; i++) taken.push({ ...placeInView(view(), size, taken), ...size });
    for (const [i, t] of taken.entries()) {
      expect(contains(view(), t)).toBe(true);
      expect(isFree(t, taken.filter((_, j) => j !== i))).toBe(true);
    }
    // A row first, then the next row from the left.
    expect(taken[1].y).toBe(taken[0].y);
    expect(taken[1].x).toBeGreaterThan(taken[0].x);
    expect(taken[3].x).toBe(taken[0].x);
    expect(taken[3].y).toBeGreaterThan(taken[0].y);
  });

  it('never lands on a node left where an earlier one was deleted', () => {
    const taken = [box(32, 32), box(500, 32)];
    const p = placeInView(view(), size, taken);
    expect(isFree({ ...p, ...size }, taken)).toBe(true);
  });

  it('follows the view when it is scrolled', () => {
    const p = placeInView(view(2000, 1000), size, [box(0, 0)]);
    expect(contains(view(2000, 1000), { ...p, ...size })).toBe(true);
  });

  it('puts a node right of the selected one when that spot is free and visible', () => {
    const selected = box(32, 200);
    const p = placeInView(view(), size, [selected], selected);
    expect(p).toEqual({ x: 32 + size.width + GAP * 2, y: 200 });
  });

  it('goes right of every node when the view is full, for the caller to pan to', () => {
    const taken = [box(0, 0), box(300, 0), box(600, 0), box(0, 250), box(300, 250), box(600, 250), box(0, 450), box(300, 450), box(600, 450)];
    const p = placeInView(view(), size, taken);
    expect(p.x).toBe(600 + size.width + GAP * 2);
    expect(isFree({ ...p, ...size }, taken)).toBe(true);
  });

  it('keeps a drop where it fell when free, and beside a node it fell onto', () => {
    expect(placeNear({ x: 100, y: 100 }, size, [])).toEqual({ x: 100, y: 100 });
    const under = box(100, 100);
    const p = placeNear({ x: 110, y: 110 }, size, [under]);
    expect(isFree({ ...p, ...size }, [under])).toBe(true);
    // The nearest free spot is just clear of the node's gap, not far away.
    expect(Math.hypot(p.x - 110, p.y - 110)).toBeLessThan(size.height + GAP + 32);
  });
});
