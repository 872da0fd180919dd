import type { SafeZone } from '../../api/types';

/** Box is a rectangle in percent of the image it lies on (CSS left, top, width, height). */
export type Box = { left: number; top: number; width: number; height: number };

/** pct turns a share (0.14) into percent, rounded to a hundredth so the CSS stays tidy. */
const pct = (share: number) => Math.round(share * 10000) / 100;

/** hasSafeZone says whether a placement keeps any edge free of text and logo. */
export function hasSafeZone(safe: SafeZone | undefined): safe is SafeZone {
  return !!safe && (safe.top > 0 || safe.bottom > 0 || safe.left > 0 || safe.right > 0);
}

/**
 * safeZoneShades are the margins a platform covers with its own interface,
 * where no text or logo may go, as boxes over the image: full-width bands at
 * the top and bottom, and side bands between them (so no corner is shaded
 * twice). Edges with no margin have no box.
 */
export function safeZoneShades(safe: SafeZone): Box[] {
  const top = pct(safe.top);
  const bottom = pct(safe.bottom);
  const middle = Math.max(0, 100 - top - bottom);
  const shades: Box[] = [];
  if (top > 0) shades.push({ left: 0, top: 0, width: 100, height: top });
  if (bottom > 0) shades.push({ left: 0, top: 100 - bottom, width: 100, height: bottom });
  if (safe.left > 0) shades.push({ left: 0, top, width: pct(safe.left), height: middle });
  if (safe.right > 0) shades.push({ left: 100 - pct(safe.right), top, width: pct(safe.right), height: middle });
  return shades;
}

/** safeArea is the box inside the margins: where text and logo may go. */
export function safeArea(safe: SafeZone): Box {
  const left = pct(safe.left);
  const top = pct(safe.top);
  return { left, top, width: Math.max(0, 100 - left - pct(safe.right)), height: Math.max(0, 100 - top - pct(safe.bottom)) };
}
