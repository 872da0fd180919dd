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

  it('reads the budget field in dollars and cents', () => {
    expect(parseBudget(' $25 ', 1e6)).toEqual({ usd: 25 });
    expect(parseBudget('12.50', 1e6)).toEqual({ usd: 12.5 });
    expect(parseBudget('1,250', 1e6)).toEqual({ usd: 1250 });
    expect(parseBudget('.5', 1e6)).toEqual({ usd: 0.5 });
    expect(parseBudget('', 1e6)).toEqual({ usd: null });
    expect(parseBudget('-1', 1e6)).toHaveProperty('error');
    expect(parseBudget('ten', 1e6)).toHaveProperty('error');
  });

  it('never rounds: a fraction of a cent or more than the most allowed is refused, saying why', () => {
    expect(parseBudget('0.005', 1e6)).toEqual({ error: 'Budgets are kept in whole cents: use at most two decimals, such as 0.01.' });
    expect(parseBudget('2.499', 1e6)).toHaveProperty('error');
    expect(parseBudget('1000001', 1e6)).toEqual({ error: 'The budget can be at most $1,000,000.00.' });
    expect(parseBudget('30', 25)).toEqual({ error: 'The budget can be at most $25.00.' });
  });
});
