import { describe, expect, it } from 'vitest';
import { stripSizes } from './stripSizes';

describe('stripSizes', () => {
  it('follows the panel: fixed when the window is tall or short, a share of its height between', () => {
    expect(stripSizes(1080, 1350)).toBe('(min-height: 1033px) 221px, (max-height: 567px) 106px, calc((31vh - 44px) * 0.8)');
    expect(stripSizes(1200, 628)).toBe('(min-height: 1033px) 527px, (max-height: 567px) 252px, calc((31vh - 44px) * 1.911)');
  });
});
