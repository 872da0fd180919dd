import type { Placement } from '../../api/types';
import { placementTitle, sizeText } from '../creatives/placements';
import type { GalleryImage } from './gallery';

/**
 * GalleryGroup is the final images of one format: a placement (titled by
 * platform and name) or, without placements, an aspect ratio; with its size,
 * and where its first image stands in the whole gallery (for the lightbox).
 */
export type GalleryGroup = { key: string; title: string; size: string; hasPlacement: boolean; images: GalleryImage[]; start: number };

/**
 * groupGallery groups a run's final images by format: placements first, in
 * the catalog's order, each image given its placement's name and safe zone;
 * then images at a plain ratio, by ratio, in the order met. Within a group
 * the images keep their order.
 */
export function groupGallery(images: GalleryImage[], catalog: Placement[]): GalleryGroup[] {
  const byKey = new Map<string, GalleryGroup>();
  for (const im of images) {
    const key = im.placement ? `p:${im.placement}` : `r:${im.ratio}`;
    const p = im.placement ? catalog.find((c) => c.id === im.placement) : undefined;
    let g = byKey.get(key);
    if (!g) {
      const title = p ? placementTitle(p) : im.placement ?? (im.ratio ? `Aspect ratio ${im.ratio}` : 'Final ads');
      g = { key, title, size: sizeText(p ?? im), hasPlacement: !!im.placement, images: [], start: 0 };
      byKey.set(key, g);
    }
    g.images.push(p ? { ...im, format: placementTitle(p), safe: p.safe } : im);
  }
  const rank = (g: GalleryGroup) => {
    const i = catalog.findIndex((c) => `p:${c.id}` === g.key);
    return g.hasPlacement ? (i < 0 ? catalog.length : i) : catalog.length + 1;
  };
  // A stable sort: ratio groups, all of one rank, stay in the order met.
  const groups = [...byKey.values()].sort((a, b) => rank(a) - rank(b));
  let start = 0;
  for (const g of groups) {
    g.start = start;
    start += g.images.length;
  }
  return groups;
}

/**
 * widest is the index of the image the strip shows largest (all stand as
 * tall, so the widest for its height; the first of equals), which the
 * browser counts as the page's largest paint: it loads first, not lazily.
 */
export function widest(images: Pick<GalleryImage, 'width' | 'height'>[]): number {
  let best = -1;
  images.forEach((im, i) => {
    if (best < 0 || im.width / im.height > images[best].width / images[best].height) best = i;
  });
  return best;
}
