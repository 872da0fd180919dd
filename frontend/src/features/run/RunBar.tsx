import { FastForward, Loader2, Play, SkipForward, Square } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { StatusBadge } from '../../components/ui/badge';
import { money } from '../../lib/money';
import { useRun } from '../../stores/run';
import { isLive } from '../../stores/status';
import { OlderRunNote } from './OlderRunNote';
import { RunClock } from './RunClock';

/**
 * RunBar holds Run, Step, Resume and Cancel, each enabled only when it
 * applies, and one status: the shown run's (with its time and cost, and
 * whether it is an older one than the latest, with a way back), or "not
 * run" when the last run asked for did not start (the notice says why).
 * Money is written by money(), as everywhere.
 */
export function RunBar({ workflowId, onRun, onStep, onResume, onCancel, onOpen, estimate, estimateStale, busy }: {
  workflowId: string;
  onRun: () => void;
  onStep: () => void;
  onResume: () => void;
  onCancel: () => void;
  /** onOpen shows a run (the latest, from the older-run note). */
  onOpen: (id: string) => void;
  estimate: number | null;
  /** estimateStale marks the estimate as older than the edits on the canvas (they are being priced, or cannot be yet). */
  estimateStale?: boolean;
  busy: boolean;
}) {
  const x = useRun((s) => s.execution);
  const refused = useRun((s) => s.refused);
  const status = x?.status;
  const live = isLive(status);
  const costs = [estimate !== null && `Estimate ${money(estimate)}${estimateStale ? ' (before your edits)' : ''}`, x?.total_cost != null && `Cost ${money(x.total_cost)}`].filter(Boolean).join(' · ');
  return (
    <div className="flex items-center gap-2">
      <Button onClick={onRun} disabled={busy || live} title="Run (Ctrl+Enter)" data-testid="run">
        <Play className="h-4 w-4" /> Run
      </Button>
      <Button variant="outline" onClick={onStep} disabled={busy || status !== 'PAUSED'} title="Run the paused node, then pause (F10)" data-testid="step">
        <SkipForward className="h-4 w-4" /> Step
      </Button>
      <Button variant="outline" onClick={onResume} disabled={busy || status !== 'PAUSED'} title="Run to the next breakpoint (F8)" data-testid="resume">
        <FastForward className="h-4 w-4" /> Resume
      </Button>
      <Button variant="outline" onClick={onCancel} disabled={busy || !live} data-testid="cancel">
        <Square className="h-4 w-4" /> Cancel
      </Button>
      {status === 'RUNNING' && <Loader2 className="h-4 w-4 animate-spin text-brand" aria-label="running" />}
      {refused && !x && <span className="shrink-0 rounded bg-red-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-red-800" data-testid="run-refused" title="The last run did not start: the message under the bar says why">not run</span>}
      {x && <OlderRunNote workflowId={workflowId} onOpen={onOpen} />}
      {x && <StatusBadge status={x.status} />}
      {x && <RunClock status={x.status} startedAt={x.started_at} finishedAt={x.finished_at} />}
      <span className="min-w-0 truncate text-xs text-slate-700" data-testid="costs" title={costs}>{costs}</span>
    </div>
  );
}
