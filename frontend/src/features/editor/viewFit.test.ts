import { describe, expect, it } from 'vitest';
import { FIT_MIN_ZOOM } from './nodes/nodeText';
import { FIT_PADDING, fitViewport } from './viewFit';

describe('fitting the view', () => {
  it('centres a graph that fits, never zoomed in past 100 %', () => {
    const v = fitViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 1000, height: 600 });
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(FIT_PADDING.left + (1000 - 48 - 400) / 2);
    expect(v.y).toBe(FIT_PADDING.top + (600 - 96 - 200) / 2);
  });

  it('zooms out to fit a larger graph, down to where node text stays readable', () => {
    const v = fitViewport({ x: 0, y: 0, width: 1000, height: 200 }, { width: 976, height: 600 });
    expect(v.zoom).toBeCloseTo(0.928, 3);
  });

  it('shows a graph too wide for a readable zoom from its start, at the least zoom', () => {
    const v = fitViewport({ x: 100, y: -50, width: 1108, height: 200 }, { width: 800, height: 440 });
    expect(v.zoom).toBe(FIT_MIN_ZOOM);
    expect(v.x).toBeCloseTo(FIT_PADDING.left - 100 * FIT_MIN_ZOOM);
    expect(v.y).toBeCloseTo(FIT_PADDING.top + (440 - 96 - 200 * FIT_MIN_ZOOM) / 2 + 50 * FIT_MIN_ZOOM);
  });

  it('shows its end instead when asked (a run on show: the outputs are there)', () => {
    const v = fitViewport({ x: 100, y: 0, width: 1108, height: 200 }, { width: 800, height: 440 }, 'end');
    expect(v.zoom).toBe(FIT_MIN_ZOOM);
    expect(v.x + (100 + 1108) * FIT_MIN_ZOOM).toBeCloseTo(800 - FIT_PADDING.right);
  });
});
