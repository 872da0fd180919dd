import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { limits } from '../../api/limits.gen';
import { problemText } from '../../api/problemText';
import type { Me } from '../../api/types';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { cn } from '../../lib/cn';
import { money } from '../../lib/money';
import { meKey, spendText } from '../account/useMe';
import { budgetShare, parseBudget } from './usage';

/** API_MAX is the largest monthly budget the API takes. */
const API_MAX = limits.BudgetInputBody.monthly_usd.maximum;

/**
 * BudgetCard shows the month's spend against the monthly budget (a bar,
 * what running nodes set aside, what is left) and sets the budget, or no
 * limit, in dollars and cents as the server keeps it (up to the API's
 * bound or this server's ceiling, the rule shown under the field; nothing
 * is rounded). A run whose estimate is more than what is left is refused.
 */
export function BudgetCard({ me }: { me: Me }) {
  const qc = useQueryClient();
  const [text, setText] = useState(me.monthly_budget === null ? '' : String(me.monthly_budget));
  const [error, setError] = useState('');
  const set = useMutation({
    mutationFn: (usd: number | null) => api.setBudget(usd),
    onSuccess: (next) => {
      qc.setQueryData(meKey, next);
      setText(next.monthly_budget === null ? '' : String(next.monthly_budget));
      setError('');
    },
    onError: (err) => setError(problemText(err, { monthly_usd: 'The budget' })),
  });
  const max = Math.min(API_MAX, me.max_monthly_budget ?? API_MAX);
  const share = budgetShare(me.spent + me.reserved, me.monthly_budget);
  /** submit checks the amount, then saves it. */
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const b = parseBudget(text, max);
    if ('error' in b) setError(b.error);
    else set.mutate(b.usd);
  };
  return (
    <section aria-label="This month and your budget" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="budget-card">
      <h2 className="text-sm font-semibold">This month</h2>
      <p className="mt-1 text-2xl font-bold tabular-nums" data-testid="month-spend">{spendText(me)}</p>
      {share !== null && (
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Budget used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
          <div className={cn('h-full rounded-full', share >= 1 ? 'bg-red-500' : share >= 0.8 ? 'bg-amber-500' : 'bg-brand')} style={{ width: `${share * 100}%` }} />
        </div>
      )}
      <p className="mt-1 text-xs text-slate-600">
        {me.reserved > 0 && <>{money(me.reserved)} set aside for running nodes. </>}
        {me.left === null ? 'No monthly budget: runs are never refused for cost.' : <>{money(Math.max(me.left, 0))} left until {nextMonth(me.month_start)}.</>}
      </p>
      <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-2" noValidate>
        <label className="block text-xs font-medium text-slate-700">
          Monthly budget (US dollars)
          <Input className="mt-1 w-32" inputMode="decimal" value={text} onChange={(e) => { setText(e.target.value); setError(''); }} placeholder="No limit" aria-invalid={!!error}
            aria-describedby="budget-rule" data-testid="budget-input" />
        </label>
        <Button type="submit" disabled={set.isPending} data-testid="budget-save">Set budget</Button>
        {me.monthly_budget !== null && <Button type="button" variant="ghost" disabled={set.isPending} onClick={() => set.mutate(null)} data-testid="budget-clear">No limit</Button>}
      </form>
      <p id="budget-rule" className="mt-1 text-[11px] text-slate-600" data-testid="budget-rule">
        In dollars and cents, such as 25 or 12.50, up to {money(max)}{me.max_monthly_budget !== null && ' (the most this server allows)'}.
        A run that would cost more than the budget has left is not started; reused outputs cost nothing.
      </p>
      {error && <p role="alert" className="mt-1 text-xs text-red-700" data-testid="budget-error">{error}</p>}
    </section>
  );
}

/** nextMonth names the day the next budget month starts (UTC), from this month's start: "1 December". */
function nextMonth(monthStart: string): string {
  const d = new Date(monthStart);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
}
