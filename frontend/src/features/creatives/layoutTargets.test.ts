import { describe, expect, it } from 'vitest';
import { previewPlacements } from './layoutTargets';

/** node makes a canvas node of a type with a config. */
const node = (id: string, type: string, config: object = {}) => ({ id, data: { type, config } });

describe('where a layout is previewed', () => {
  it('at the placements of every Output it feeds, each once', () => {
    const g = {
      nodes: [node('l', 'AD_LAYOUT'), node('a', 'OUTPUT', { placements: ['meta_stories', 'meta_feed_square'] }),
        node('b', 'OUTPUT', { placements: ['meta_stories', 'x_single'] }), node('c', 'OUTPUT', { placements: ['pinterest_standard'] })],
      edges: [{ source: 'l', target: 'a' }, { source: 'l', target: 'b' }, { source: 'm', target: 'c' }],
    };
    expect(previewPlacements('l', g)).toEqual(['meta_stories', 'meta_feed_square', 'x_single']);
  });

  it('at the feed square when it feeds no Output with placements', () => {
    expect(previewPlacements('l', { nodes: [node('l', 'AD_LAYOUT')], edges: [] })).toEqual(['meta_feed_square']);
    const ratioOnly = { nodes: [node('l', 'AD_LAYOUT'), node('a', 'OUTPUT', { aspect_ratio: '4:5' })], edges: [{ source: 'l', target: 'a' }] };
    expect(previewPlacements('l', ratioOnly)).toEqual(['meta_feed_square']);
  });
});
