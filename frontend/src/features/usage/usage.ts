import { money } from '../../lib/money';
import type { UsageGroup } from '../../api/types';

/** PeriodKind is a period the usage page offers: this month so far, last month, or the last 30 days. */
export type PeriodKind = 'month' | 'last-month' | '30-days';

/** PERIODS name the periods for the picker, in its order. */
export const PERIODS: { kind: PeriodKind; label: string }[] = [
  { kind: 'month', label: 'This month' },
  { kind: 'last-month', label: 'Last month' },
  { kind: '30-days', label: 'Last 30 days' },
];

/** Period is a span of days, both included, as YYYY-MM-DD (UTC, as budgets and usage count days). */
export type Period = { from: string; to: string };

/** day writes a UTC date as YYYY-MM-DD. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/** periodOf is the days a period covers, seen from now. */
export function periodOf(kind: PeriodKind, now: Date): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (kind === 'last-month') return { from: day(new Date(Date.UTC(y, m - 1, 1))), to: day(new Date(Date.UTC(y, m, 0))) };
  if (kind === '30-days') return { from: day(new Date(Date.UTC(y, m, now.getUTCDate() - 29))), to: day(now) };
  return { from: day(new Date(Date.UTC(y, m, 1))), to: day(now) };
}

/** DayPoint is one day of the spend chart: its spend, and the period's spend up to and with it. */
export type DayPoint = { day: string; label: string; cost: number; total: number };

/**
 * dailySeries is one point per day of a period, days without spending at
 * 0 (the API lists only days with some), with the running total the
 * budget line is read against. Sums are rounded to a tenth of a cent's
 * hundredth so floating point does not show.
 */
export function dailySeries(groups: UsageGroup[], p: Period): DayPoint[] {
  const cost = new Map(groups.map((g) => [g.key, g.cost]));
  const out: DayPoint[] = [];
  let total = 0;
  const end = Date.parse(`${p.to}T00:00:00Z`);
  for (let t = Date.parse(`${p.from}T00:00:00Z`); t <= end && out.length < 367; t += 86_400_000) {
    const d = new Date(t);
    const c = cost.get(day(d)) ?? 0;
    total = Math.round((total + c) * 1e6) / 1e6;
    out.push({ day: day(d), label: d.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }), cost: c, total });
  }
  return out;
}

/** byCost orders groups by spend, most first, then by name. */
export function byCost(groups: UsageGroup[]): UsageGroup[] {
  return [...groups].sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
}

/** budgetShare is how much of the budget the spend has used, 0 to 1 (capped), or null without a budget. */
export function budgetShare(spent: number, budget: number | null): number | null {
  if (budget === null) return null;
  if (budget <= 0) return spent > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, spent / budget));
}

/**
 * parseBudget reads the budget field: dollars and at most two decimals
 * (budgets are kept in whole cents: 0.005 is refused, never rounded to
 * $0.01), from 0 up to max (the API's bound, or this server's ceiling),
 * or empty for no limit; anything else is an error to show.
 */
export function parseBudget(text: string, max: number): { usd: number | null } | { error: string } {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (t === '') return { usd: null };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) return { error: 'Write an amount in dollars, such as 25 or 12.50, or leave it empty for no limit.' };
  if (/\.\d{3,}$/.test(t)) return { error: 'Budgets are kept in whole cents: use at most two decimals, such as 0.01.' };
  const usd = Number(t);
  if (usd > max) return { error: `The budget can be at most ${money(max)}.` };
  return { usd };
}
