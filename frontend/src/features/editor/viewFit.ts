import { FIT_MIN_ZOOM } from './nodes/nodeText';
import type { Rect } from './placement';

/** FIT_PADDING is the room a fitted view leaves round the graph, in screen pixels: little at the sides, room for the controls at the bottom. */
export const FIT_PADDING = { left: 24, right: 24, top: 40, bottom: 56 };

/** FIT_MAX_ZOOM is the most a fit zooms in: a small graph is shown at 100 %, not blown up. */
export const FIT_MAX_ZOOM = 1;

/** Viewport is React Flow's view: the flow's offset on screen and its zoom. */
export type Viewport = { x: number; y: number; zoom: number };

/** Anchor is the side of a graph too large for the canvas that a fit shows: its start (inputs, left) or its end (outputs, right). */
export type Anchor = 'start' | 'end';

/**
 * fitViewport fits a graph (its bounds, in flow coordinates) to a canvas
 * (its size, in screen pixels): as large as the canvas allows within
 * FIT_PADDING, never zoomed in past FIT_MAX_ZOOM nor out past FIT_MIN_ZOOM
 * (node text stays readable). A graph that then fits is centred; one that
 * does not is shown from one side, whole nodes there and the rest a pan
 * away rather than cut on both sides: its start (left, top) while it is
 * being built, its end (right) when anchor says so (a run on show: its
 * outputs and results are there).
 */
export function fitViewport(graph: Rect, canvas: { width: number; height: number }, anchor: Anchor = 'start'): Viewport {
  const room = { width: canvas.width - FIT_PADDING.left - FIT_PADDING.right, height: canvas.height - FIT_PADDING.top - FIT_PADDING.bottom };
  const fits = Math.min(room.width / Math.max(graph.width, 1), room.height / Math.max(graph.height, 1));
  const zoom = Math.min(FIT_MAX_ZOOM, Math.max(FIT_MIN_ZOOM, fits));
  /** place is the offset along one axis: centred when the graph's extent fits the room, else its start (or end) at the padding. */
  const place = (start: number, extent: number, pad: number, space: number, end: boolean) =>
    extent * zoom <= space + 0.5 ? pad + (space - extent * zoom) / 2 - start * zoom
      : end ? pad + space - (start + extent) * zoom : pad - start * zoom;
  return {
    x: place(graph.x, graph.width, FIT_PADDING.left, room.width, anchor === 'end'),
    y: place(graph.y, graph.height, FIT_PADDING.top, room.height, false),
    zoom,
  };
}
