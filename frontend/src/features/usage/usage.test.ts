import { describe, expect, it } from 'vitest';
import { budgetShare, byCost, dailySeries, parseBudget, periodOf } from './usage';

/** group makes a usage group. */
const group = (key: string, cost: number) => ({ key, cost, images: 1, runs: 1, reused: 0 });

describe('usage', () => {
  it('names the days of each period, in UTC', () => {
    const now = new Date('2026-03-05T23:30:00Z');
    expect(periodOf('month', now)).toEqual({ from: '2026-03-01', to: '2026-03-05' });
    expect(periodOf('last-month', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('30-days', now)).toEqual({ from: '2026-02-04', to: '2026-03-05' });
    expect(periodOf('last-month', new Date('2026-01-10T00:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('charts every day of the period, days without spending at 0, with the running total', () => {
    const s = dailySeries([group('2026-03-02', 0.1), group('2026-03-04', 0.2)], { from: '2026-03-01', to: '2026-03-05' });
    expect(s.map((p) => [p.day, p.cost, p.total])).toEqual([
      ['2026-03-01', 0, 0], ['2026-03-02', 0.1, 0.1], ['2026-03-03', 0, 0.1], ['2026-03-04', 0.2, 0.3], ['2026-03-05', 0, 0.3],
    ]);
    expect(s[0].label).toBe('Mar 1');
  });

  it('orders tables by spend and measures the budget used', () => {
    expect(byCost([group('b', 1), group('a', 1), group('c', 2)]).map((g) => g.key)).toEqual(['c', 'a', 'b']);
    expect(budgetShare(5, 25)).toBe(0.2);
    expect(budgetShare(30, 25)).toBe(1);
    expect(budgetShare(1, null)).toBeNull();
    expect(budgetShare(0, 0)).toBe(0);
  });

  it('reads the budget field', () => {
    expect(parseBudget(' $25 ')).toEqual({ usd: 25 });
    expect(parseBudget('2.499')).toEqual({ usd: 2.5 });
    expect(parseBudget('')).toEqual({ usd: null });
    expect(parseBudget('-1')).toHaveProperty('error');
    expect(parseBudget('ten')).toHaveProperty('error');
  });
});
