import type { Placement } from '../../api/types';

/** PlatformGroup is one platform's placements, as the picker lists them. */
export type PlatformGroup = { platform: string; placements: Placement[] };

/** groupByPlatform groups placements by platform, platforms and placements in the catalog's order. */
export function groupByPlatform(list: Placement[]): PlatformGroup[] {
  const groups: PlatformGroup[] = [];
  for (const p of list) {
    const g = groups.find((x) => x.platform === p.platform);
    if (g) g.placements.push(p);
    else groups.push({ platform: p.platform, placements: [p] });
  }
  return groups;
}

/** sizeText is a size in pixels as people write it: "1080×1920". */
export function sizeText(p: { width: number; height: number }): string {
  return `${p.width}×${p.height}`;
}

/** placementTitle names a placement with its platform: "Meta · Stories". */
export function placementTitle(p: Pick<Placement, 'platform' | 'name'>): string {
  return `${p.platform} · ${p.name}`;
}

/**
 * chosenPlacements lists an Output's chosen placements in the catalog's
 * order; an id the catalog does not know is kept, named by itself, so
 * nothing chosen goes unseen.
 */
export function chosenPlacements(ids: readonly string[] | null | undefined, byId: Record<string, Placement | undefined>): (Placement | { id: string })[] {
  const chosen = ids ?? [];
  const known = Object.values(byId).filter((p): p is Placement => !!p && chosen.includes(p.id));
  const unknown = chosen.filter((id) => !byId[id]).map((id) => ({ id }));
  return [...known, ...unknown];
}
