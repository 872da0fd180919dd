import { describe, expect, it } from 'vitest';
import type { Placement } from '../../api/types';
import { captionOf, type GalleryImage } from './gallery';
import { groupGallery, widest } from './galleryGroups';

const none = { top: 0, bottom: 0, left: 0, right: 0 };
const catalog: Placement[] = [
  { id: 'meta_feed_portrait', platform: 'Meta', name: 'Feed, portrait 4:5', width: 1080, height: 1350, safe: none, max_bytes: 1, source: '' },
  { id: 'meta_stories', platform: 'Meta', name: 'Stories', width: 1080, height: 1920, safe: { ...none, top: 0.14, bottom: 0.2 }, max_bytes: 1, source: '' },
  { id: 'google_display_landscape', platform: 'Google', name: 'Display, landscape 1.91:1', width: 1200, height: 628, safe: none, max_bytes: 1, source: '' },
];

/** image makes a final image of a placement (or, with none, of a ratio). */
const image = (url: string, placement?: string, ratio = '4:5', width = 1080, height = 1350): GalleryImage => ({ url, placement, ratio, width, height, fileName: url });

describe('the gallery by placement', () => {
  it('groups finals by placement in the catalog\'s order, titled by platform and name with the size', () => {
    const groups = groupGallery([
      image('g1', 'google_display_landscape', '1.91:1', 1200, 628), image('s1', 'meta_stories', '9:16', 1080, 1920),
      image('g2', 'google_display_landscape', '1.91:1', 1200, 628), image('f1', 'meta_feed_portrait'),
    ], catalog);
    expect(groups.map((g) => [g.title, g.size, g.images.map((i) => i.url), g.start])).toEqual([
      ['Meta · Feed, portrait 4:5', '1080×1350', ['f1'], 0],
      ['Meta · Stories', '1080×1920', ['s1'], 1],
      ['Google · Display, landscape 1.91:1', '1200×628', ['g1', 'g2'], 2],
    ]);
    const story = groups[1].images[0];
    expect(story.safe).toEqual({ ...none, top: 0.14, bottom: 0.2 });
    expect(captionOf(story, (id) => id)).toBe('1080×1920 (Meta · Stories)');
  });

  it('groups finals at a plain ratio by ratio, after the placements, in the order met', () => {
    const groups = groupGallery([image('a', undefined, '1:1', 1080, 1080), image('b', 'meta_stories', '9:16', 1080, 1920), image('c', undefined, '4:5'), image('d', undefined, '1:1', 1080, 1080)], catalog);
    expect(groups.map((g) => [g.title, g.images.length, g.hasPlacement])).toEqual([
      ['Meta · Stories', 1, true], ['Aspect ratio 1:1', 2, false], ['Aspect ratio 4:5', 1, false],
    ]);
    expect(groups[1].images[0].safe).toBeUndefined();
  });

  it('finds the image the strip shows largest, to load it first', () => {
    expect(widest([{ width: 1080, height: 1350 }, { width: 1200, height: 628 }, { width: 1920, height: 1080 }])).toBe(1);
    expect(widest([{ width: 1080, height: 1080 }, { width: 540, height: 540 }])).toBe(0);
    expect(widest([])).toBe(-1);
  });
});
