import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { money } from '../../lib/money';

/** meKey is the query key of GET /api/me: invalidate it when spending or the budget changes (a run ends, the budget is set). */
export const meKey = ['me'] as const;

/** useMe loads the signed-in user's budget and this month's spend. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: api.me });
}

/** spendText says this month's spend against the budget: "$0.12 of $25 this month", or "$0.12 this month" without one. */
export function spendText(me: Pick<Me, 'spent' | 'monthly_budget'>): string {
  return me.monthly_budget === null ? `${money(me.spent)} this month` : `${money(me.spent)} of ${money(me.monthly_budget)} this month`;
}

/** spendDetail explains the spend in full, for a tooltip: what was spent, what running nodes set aside, what is left. */
export function spendDetail(me: Pick<Me, 'spent' | 'reserved' | 'left' | 'monthly_budget'>): string {
  const parts = [`Spent ${money(me.spent)} this month`];
  if (me.reserved > 0) parts.push(`${money(me.reserved)} set aside for running nodes`);
  parts.push(me.left === null ? 'no monthly budget' : `${money(Math.max(me.left, 0))} left of ${money(me.monthly_budget ?? 0)}`);
  return parts.join('; ');
}
