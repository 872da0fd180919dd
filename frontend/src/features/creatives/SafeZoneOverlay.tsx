import type { SafeZone } from '../../api/types';
import { hasSafeZone, safeArea, safeZoneShades } from './safeZone';

/**
 * SafeZoneOverlay shades, over an ad image, the margins its platform covers
 * with its own interface (no text or logo may go there), and outlines the
 * area left; it draws nothing for a placement without such margins. Place
 * it in a relative box exactly the image's size.
 */
export function SafeZoneOverlay({ safe }: { safe: SafeZone | undefined }) {
  if (!hasSafeZone(safe)) return null;
  const box = (b: { left: number; top: number; width: number; height: number }) => ({ left: `${b.left}%`, top: `${b.top}%`, width: `${b.width}%`, height: `${b.height}%` });
  return (
    <span aria-hidden className="pointer-events-none absolute inset-0 overflow-hidden rounded-[inherit]" data-testid="safe-zone">
      {safeZoneShades(safe).map((b, i) => (
        <span key={i} className="absolute bg-rose-700/55 bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(255,255,255,0.18)_6px_12px)]" style={box(b)} />
      ))}
      <span className="absolute border border-dashed border-white" style={box(safeArea(safe))} />
    </span>
  );
}
