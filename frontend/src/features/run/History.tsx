import { useQuery } from '@tanstack/react-query';
import { asClause, problemText } from '../../api/problemText';
import type { RunSummary } from '../../api/types';
import { StatusBadge } from '../../components/ui/badge';
import { cn } from '../../lib/cn';
import { elapsedBetween, formatElapsed } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { useRun } from '../../stores/run';
import { isLive } from '../../stores/status';
import { runsQuery } from './runs';
import { money } from '../../lib/money';

/** RunItem is one run of the list: status (in words and colour), start, duration (ticking while unfinished), cost; the shown run is marked (a bar, a tint, and in words for screen readers). */
function RunItem({ run, shown, now, onOpen }: { run: RunSummary; shown: boolean; now: number; onOpen: () => void }) {
  const started = new Date(run.started_at);
  return (
    <button type="button" onClick={onOpen} data-testid="history-item" data-status={run.status} aria-current={shown || undefined}
      className={cn('flex w-full items-center gap-2 rounded border-l-4 px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand',
        shown ? 'border-brand bg-violet-100 font-medium' : 'border-transparent')}>
      <StatusBadge status={run.status} className="w-[4.75rem] shrink-0 text-center" />
      <span className="min-w-0 flex-1 truncate" title={started.toLocaleString()}>
        {started.toLocaleDateString() === new Date(now).toLocaleDateString() ? started.toLocaleTimeString() : started.toLocaleString()}
      </span>
      <span className="shrink-0 tabular-nums text-slate-600">{formatElapsed(elapsedBetween(run.started_at, isLive(run.status) ? null : run.finished_at, now))}</span>
      <span className="w-14 shrink-0 text-right tabular-nums text-slate-700">{money(run.total_cost ?? 0)}</span>
      {shown && <span className="sr-only">(shown on the canvas)</span>}
    </button>
  );
}

/**
 * History lists a workflow's runs, newest first, live from the workflow's
 * stream (a run started in another tab appears; a paused one says so);
 * picking one shows it on the canvas.
 */
export function History({ workflowId, onOpen }: { workflowId: string; onOpen: (id: string) => void }) {
  const q = useQuery(runsQuery(workflowId));
  const shown = useRun((s) => s.execution?.id);
  const list = q.data ?? [];
  const now = useNow(list.some((r) => isLive(r.status)));
  return (
    <div className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 p-2" data-testid="history">
      <h2 className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Runs</h2>
      {q.isError && <p role="alert" className="px-1 text-xs text-red-700">The runs could not be loaded: {asClause(problemText(q.error))}</p>}
      {list.length === 0 && !q.isError && <p className="px-1 text-xs text-slate-600">{q.isLoading ? 'Loading…' : 'No runs yet. Press Run.'}</p>}
      {list.map((x) => <RunItem key={x.id} run={x} shown={x.id === shown} now={now} onOpen={() => onOpen(x.id)} />)}
    </div>
  );
}
