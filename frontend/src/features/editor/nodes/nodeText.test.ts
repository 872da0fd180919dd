import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIT_MIN_ZOOM, NODE_TEXT, NODE_TEXT_PX, READABLE_PX } from './nodeText';

/** sizes are the font sizes in pixels a file's Tailwind classes set (text-[11px], text-xs…). */
function sizes(source: string): number[] {
  const named: Record<string, number> = { xs: 12, sm: 14, base: 16 };
  return [...source.matchAll(/\btext-(?:\[(\d+(?:\.\d+)?)px\]|(xs|sm|base)\b)/g)].map((m) => (m[1] ? Number(m[1]) : named[m[2]]));
}

describe('node text', () => {
  it('is never smaller than NODE_TEXT_PX in any file drawing a node', () => {
    // Tests run from frontend/ (vitest's root).
    const dir = join(process.cwd(), 'src/features/editor/nodes');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.tsx') && !n.includes('.test.'))) {
      const small = sizes(readFileSync(join(dir, f), 'utf8')).filter((px) => px < NODE_TEXT_PX);
      expect(small, `${f} draws text below ${NODE_TEXT_PX}px`).toEqual([]);
    }
    expect(sizes(NODE_TEXT)).toEqual([NODE_TEXT_PX]);
  });

  it('keeps the smallest text readable at the least zoom fitting the view chooses', () => {
    expect(NODE_TEXT_PX * FIT_MIN_ZOOM).toBeGreaterThanOrEqual(READABLE_PX);
  });
});
