import { describe, expect, it } from 'vitest';
import type { Placement } from '../../api/types';
import { chosenPlacements, groupByPlatform, placementTitle, sizeText } from './placements';
import { hasSafeZone, safeArea, safeZoneShades } from './safeZone';

/** placement makes a catalog entry. */
const placement = (id: string, platform: string, name: string, width: number, height: number, safe = { top: 0, bottom: 0, left: 0, right: 0 }): Placement =>
  ({ id, platform, name, width, height, safe, max_bytes: 1, source: '' });

const catalog = [
  placement('meta_feed_square', 'Meta', 'Feed, square', 1080, 1080),
  placement('meta_stories', 'Meta', 'Stories', 1080, 1920, { top: 0.14, bottom: 0.2, left: 0, right: 0 }),
  placement('google_display_landscape', 'Google', 'Display, landscape 1.91:1', 1200, 628),
  placement('meta_reels', 'Meta', 'Reels', 1080, 1920, { top: 0.14, bottom: 0.35, left: 0.06, right: 0.06 }),
];
const byId = Object.fromEntries(catalog.map((p) => [p.id, p]));

describe('placements', () => {
  it('groups the picker by platform, in the catalog\'s order', () => {
    const groups = groupByPlatform(catalog);
    expect(groups.map((g) => [g.platform, g.placements.map((p) => p.id)])).toEqual([
      ['Meta', ['meta_feed_square', 'meta_stories', 'meta_reels']],
      ['Google', ['google_display_landscape']],
    ]);
    expect(sizeText(catalog[1])).toBe('1080×1920');
    expect(placementTitle(catalog[1])).toBe('Meta · Stories');
  });

  it('lists an Output\'s chosen placements in the catalog\'s order, keeping ids it does not know', () => {
    expect(chosenPlacements(['google_display_landscape', 'gone', 'meta_stories'], byId).map((p) => p.id)).toEqual(['meta_stories', 'google_display_landscape', 'gone']);
    expect(chosenPlacements(null, byId)).toEqual([]);
  });
});

describe('the safe zone', () => {
  it('shades the top and bottom bands of Stories, and nothing of a feed square', () => {
    const stories = catalog[1].safe;
    expect(hasSafeZone(stories)).toBe(true);
    expect(safeZoneShades(stories)).toEqual([
      { left: 0, top: 0, width: 100, height: 14 },
      { left: 0, top: 80, width: 100, height: 20 },
    ]);
    expect(hasSafeZone(catalog[0].safe)).toBe(false);
    expect(safeZoneShades(catalog[0].safe)).toEqual([]);
  });

  it('shades the sides of Reels between the bands, so no corner is shaded twice', () => {
    const reels = catalog[3].safe;
    expect(safeZoneShades(reels).slice(2)).toEqual([
      { left: 0, top: 14, width: 6, height: 51 },
      { left: 94, top: 14, width: 6, height: 51 },
    ]);
    expect(safeArea(reels)).toEqual({ left: 6, top: 14, width: 88, height: 51 });
  });
});
