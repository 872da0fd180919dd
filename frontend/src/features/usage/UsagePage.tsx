import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { UsageGrouping } from '../../api/types';
import { Select } from '../../components/ui/input';
import { money } from '../../lib/money';
import { useModelLabel } from '../../stores/catalog';
import { useMe } from '../account/useMe';
import { BudgetCard } from './BudgetCard';
import { SpendChart } from './SpendChart';
import { dailySeries, PERIODS, periodOf, type PeriodKind } from './usage';
import { UsageTable } from './UsageTable';
import { problemText } from '../../api/problemText';

/** useUsage loads a period's usage in one grouping. */
function useUsage(from: string, to: string, group: UsageGrouping) {
  return useQuery({ queryKey: ['usage', from, to, group], queryFn: () => api.usage(from, to, group) });
}

/**
 * UsagePage shows what the user spent: the month against the budget (and
 * where to set it), spend per day as a chart with the budget line, and
 * tables by workflow and by model, for a period of their choice.
 */
export function UsagePage() {
  const me = useMe();
  const [kind, setKind] = useState<PeriodKind>('month');
  const period = useMemo(() => periodOf(kind, new Date()), [kind]);
  const days = useUsage(period.from, period.to, 'day');
  const workflows = useUsage(period.from, period.to, 'workflow');
  const models = useUsage(period.from, period.to, 'model');
  const points = useMemo(() => dailySeries(days.data?.groups ?? [], period), [days.data, period]);
  const total = days.data?.total;
  const modelLabel = useModelLabel();
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto max-w-5xl space-y-4 p-8">
        <div>
          <h1 className="text-2xl font-bold">Usage and budget</h1>
          <p className="text-sm text-slate-600">What your runs cost. Nodes that reuse an earlier output of yours cost nothing.</p>
        </div>
        {me.data && <BudgetCard key={String(me.data.monthly_budget)} me={me.data} />}
        <section aria-label="Spend per day" className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <h2 className="text-sm font-semibold">Spend per day</h2>
            <Select aria-label="Period" className="w-40" value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)} data-testid="usage-period">
              {PERIODS.map((p) => <option key={p.kind} value={p.kind}>{p.label}</option>)}
            </Select>
            {total && (
              <span className="text-xs text-slate-600" data-testid="usage-total">
                {money(total.cost)} · {total.images} image{total.images === 1 ? '' : 's'} · {total.runs} run{total.runs === 1 ? '' : 's'} · {total.reused} node{total.reused === 1 ? '' : 's'} reused instead of paid
              </span>
            )}
          </div>
          {days.isError ? <p role="alert" className="text-sm text-red-600">{problemText(days.error)}</p> : <SpendChart points={points} budget={me.data?.monthly_budget ?? null} />}
        </section>
        <div className="grid gap-4 md:grid-cols-2">
          <UsageTable title="By workflow" keyLabel="Workflow" groups={workflows.data?.groups ?? []} perRun loading={workflows.isLoading} />
          <UsageTable title="By model" keyLabel="Model" groups={models.data?.groups ?? []} perRun={false} loading={models.isLoading} name={modelLabel} />
        </div>
      </div>
    </main>
  );
}
