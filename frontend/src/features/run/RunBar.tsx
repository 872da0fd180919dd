import { FastForward, Loader2, Play, SkipForward, Square } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { StatusBadge } from '../../components/ui/badge';
import { useRun } from '../../stores/run';
import { isLive } from '../../stores/status';
import { RunClock } from './RunClock';

/**
 * RunBar holds Run, Step, Resume and Cancel, each enabled only when it
 * applies, and the shown run's status, time and costs. (A failed run's error
 * shows in the notice banner.)
 */
export function RunBar({ onRun, onStep, onResume, onCancel, estimate, estimateStale, busy }: {
  onRun: () => void;
  onStep: () => void;
  onResume: () => void;
  onCancel: () => void;
  estimate: number | null;
  /** estimateStale marks the estimate as older than the edits on the canvas (they are being priced, or cannot be yet). */
  estimateStale?: boolean;
  busy: boolean;
}) {
  const x = useRun((s) => s.execution);
  const status = x?.status;
  const live = isLive(status);
  const costs = [estimate !== null && `Estimate $${estimate.toFixed(3)}${estimateStale ? ' (before your edits)' : ''}`, x?.total_cost != null && `Cost $${x.total_cost.toFixed(3)}`].filter(Boolean).join(' · ');
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
      {x && <StatusBadge status={x.status} />}
      {x && <RunClock status={x.status} startedAt={x.started_at} finishedAt={x.finished_at} />}
      <span className="min-w-0 truncate text-xs text-slate-600" data-testid="costs" title={costs}>{costs}</span>
    </div>
  );
}
