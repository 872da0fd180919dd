import { describe, expect, it } from 'vitest';
import { elapsedBetween, formatElapsed, timeAgo } from './time';

describe('time', () => {
  it('formats a ticking clock', () => {
    expect(formatElapsed(7_400)).toBe('0:07');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('measures from a start to an end, or to now', () => {
    const now = Date.parse('2026-01-01T10:01:00Z');
    expect(elapsedBetween('2026-01-01T10:00:00Z', null, now)).toBe(60_000);
    expect(elapsedBetween('2026-01-01T10:00:00Z', '2026-01-01T10:00:09Z', now)).toBe(9_000);
    expect(elapsedBetween(null, null, now)).toBe(0);
  });

  it('says how long ago in words', () => {
    const now = Date.parse('2026-01-02T10:00:00Z');
    expect(timeAgo('2026-01-02T09:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-01-02T09:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-01-01T09:00:00Z', now)).toBe('yesterday');
  });
});
