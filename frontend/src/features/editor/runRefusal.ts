import { ApiError } from '../../api/client';
import { asClause, plain, problemText } from '../../api/problemText';
import type { Me } from '../../api/types';
import { money } from '../../lib/money';

/** NoticeAction is a link the notice banner offers with its message (to the page that fixes it). */
export type NoticeAction = { label: string; href: string };

/** BUDGET_ACTION leads from a run the budget refused to where the budget is set. */
export const BUDGET_ACTION: NoticeAction = { label: 'Change the budget', href: '#/usage' };

/** Refusal is what the notice says of a run that did not start, and where to fix it. */
export type Refusal = { text: string; action?: NoticeAction };

/** isBudgetRefusal says whether a run start was refused for its cost (402: the estimate passes what a monthly budget has left). */
export function isBudgetRefusal(err: unknown): boolean {
  return err instanceof ApiError && err.status === 402;
}

/**
 * budgetText says why a run's cost refused it, from the figures (its
 * estimate, and the user's budget as GET /api/me has it now), every amount
 * written by money(): over the user's budget, with what it has left; or,
 * when that would cover it, over the server's budget for everyone. Without
 * the figures it says what the server said, in words.
 */
export function budgetText(estimate: number | null, me: Pick<Me, 'left' | 'monthly_budget'> | null, detail: string): string {
  if (estimate === null || !me) return `Not run: over the monthly budget; ${asClause(problemText(new ApiError(plain(detail), 402)))}`;
  if (me.left !== null && me.monthly_budget !== null && estimate > me.left) {
    return `Not run: it is estimated at ${money(estimate)}, more than the ${money(Math.max(me.left, 0))} your monthly budget of ${money(me.monthly_budget)} has left.`;
  }
  return `Not run: it is estimated at ${money(estimate)}, more than this server's monthly budget for all its users has left. Runs that cost nothing still start.`;
}

/**
 * budgetRefusal is the notice for a refused run start: for a refusal over
 * budget, the figures (asked for again, as they stand now) with a way to
 * the budget; null for any other failure.
 */
export async function budgetRefusal(err: unknown, figures: () => Promise<[number | null, Me | null]>): Promise<Refusal | null> {
  if (!isBudgetRefusal(err)) return null;
  const [estimate, me] = await figures().catch((): [null, null] => [null, null]);
  return { text: budgetText(estimate, me, (err as ApiError).message), action: BUDGET_ACTION };
}
