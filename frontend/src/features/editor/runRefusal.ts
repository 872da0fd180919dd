import { ApiError } from '../../api/client';

/** NoticeAction is a link the notice banner offers with its message (to the page that fixes it). */
export type NoticeAction = { label: string; href: string };

/** BUDGET_ACTION leads from a run the budget refused to where the budget is set. */
export const BUDGET_ACTION: NoticeAction = { label: 'Change the budget', href: '#/usage' };

/**
 * budgetRefusal reads a refused run start as a budget refusal: the server
 * answers 402 when the run's estimate is more than the monthly budget has
 * left, its detail saying the estimate, what is left and the budget. It
 * returns the notice to show, or null for any other failure.
 */
export function budgetRefusal(err: unknown): { text: string; action: NoticeAction } | null {
  if (!(err instanceof ApiError) || err.status !== 402) return null;
  return { text: `Not run: over your monthly budget. ${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}`, action: BUDGET_ACTION };
}
