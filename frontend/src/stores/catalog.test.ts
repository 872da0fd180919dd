import { describe, expect, it } from 'vitest';
import { canConnect } from './catalog';

describe('canConnect', () => {
  it('refuses connections between ports of different kinds', () => {
    expect(canConnect('images', 'images', false)).toBe(true);
    expect(canConnect('text', 'images', false)).toBe(false);
    expect(canConnect('data', 'text', false)).toBe(true);
    expect(canConnect('images', 'text', true)).toBe(true);
  });
});
