import type { FlowNode } from '../../stores/flow';

/** Point is a position in flow coordinates. */
export type Point = { x: number; y: number };

/** Rect is a box in flow coordinates: a node's, or the visible part of the canvas. */
export type Rect = Point & { width: number; height: number };

/** NEW_NODE is the size a node is taken to have before React Flow has measured it (w-52 wide, as NodeShell draws it; a typical height). */
export const NEW_NODE = { width: 208, height: 150 };

/** GAP is the free space kept around a new node, so it covers no other node or port. */
export const GAP = 32;

/** STEP is the grid the search for a free spot walks, in flow pixels. */
const STEP = 16;

/** rectOf is a canvas node's box: its measured size once React Flow has drawn it, else a new node's. */
export function rectOf(n: FlowNode): Rect {
  return { ...n.position, width: n.measured?.width ?? NEW_NODE.width, height: n.measured?.height ?? NEW_NODE.height };
}

/** overlaps says whether two boxes come closer than gap to each other. */
export function overlaps(a: Rect, b: Rect, gap = GAP): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** isFree says whether a box keeps its gap from every taken box. */
export function isFree(spot: Rect, taken: Rect[], gap = GAP): boolean {
  return taken.every((t) => !overlaps(spot, t, gap));
}

/** contains says whether a box lies wholly inside another (the view). */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * placeInView finds where a new node goes when the palette adds it: right of
 * the node after (the selected one) when that spot is free and visible, so a
 * chain grows left to right; else the first free spot of the visible canvas in
 * reading order (rows from the top left); else right of every node, where the
 * caller must pan to show it.
 */
export function placeInView(view: Rect, size: { width: number; height: number }, taken: Rect[], after?: Rect): Point {
  if (after) {
    const next = { x: after.x + after.width + GAP * 2, y: after.y, ...size };
    if (contains(view, next) && isFree(next, taken)) return { x: next.x, y: next.y };
  }
  const margin = GAP;
  for (let y = view.y + margin; y + size.height <= view.y + view.height - margin; y += STEP) {
    for (let x = view.x + margin; x + size.width <= view.x + view.width - margin; x += STEP) {
      if (isFree({ x, y, ...size }, taken)) return { x, y };
    }
  }
  if (taken.length === 0) return { x: view.x + margin, y: view.y + margin };
  const right = Math.max(...taken.map((t) => t.x + t.width));
  return { x: right + GAP * 2, y: Math.min(...taken.map((t) => t.y)) };
}

/**
 * placeNear finds the free spot nearest to where a node was dropped: the spot
 * itself when free, else the closest one on a grid around it (so a drop onto
 * a node lands beside it, never on it and its ports).
 */
export function placeNear(want: Point, size: { width: number; height: number }, taken: Rect[]): Point {
  if (isFree({ ...want, ...size }, taken)) return want;
  let best: Point | undefined;
  let bestDistance = Infinity;
  // Ring by ring outwards; a spot on ring r is at least r steps away, so once a
  // free spot is nearer than the next ring, it is the nearest.
  for (let ring = 1; ring <= 60 && ring < bestDistance; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const p = { x: want.x + i * STEP, y: want.y + j * STEP };
        const d = Math.hypot(i, j);
        if (d < bestDistance && isFree({ ...p, ...size }, taken)) {
          best = p;
          bestDistance = d;
        }
      }
    }
  }
  return best ?? placeInView({ ...want, ...size }, size, taken);
}
