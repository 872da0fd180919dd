import { Loader2, Pause, Play, SkipForward, Square } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { StatusBadge } from '../../components/ui/badge';
import { useRun } from '../../stores/run';

/** RunBar holds Run, Step, Resume and Cancel, each enabled only when it applies, and the costs. */
export function RunBar({ onRun, onStep, onResume, onCancel, estimate, busy }: {
  onRun: () => void;
  onStep: () => void;
  onResume: () => void;
  onCancel: () => void;
  estimate: number | null;
  busy: boolean;
}) {
  const x = useRun((s) => s.execution);
  const status = x?.status;
  const live = status === 'RUNNING' || status === 'PAUSED' || status === 'PENDING';
  return (
    <div className="flex items-center gap-2">
      <Button onClick={onRun} disabled={busy || live} title="Run (Ctrl+Enter)" data-testid="run">
        <Play className="h-4 w-4" /> Run
      </Button>
      <Button variant="outline" onClick={onStep} disabled={busy || status !== 'PAUSED'} title="Run the paused node, then pause (F10)" data-testid="step">
        <SkipForward className="h-4 w-4" /> Step
      </Button>
      <Button variant="outline" onClick={onResume} disabled={busy || status !== 'PAUSED'} title="Run to the next breakpoint (F8)" data-testid="resume">
        <Pause className="h-4 w-4" /> Resume
      </Button>
      <Button variant="outline" onClick={onCancel} disabled={busy || !live} data-testid="cancel">
        <Square className="h-4 w-4" /> Cancel
      </Button>
      {status === 'RUNNING' && <Loader2 className="h-4 w-4 animate-spin text-brand" aria-label="running" />}
      {status && <StatusBadge status={status} />}
      <span className="text-xs text-slate-600" data-testid="costs">
        {estimate !== null && <>Estimate ${estimate.toFixed(3)}</>}
        {x?.total_cost != null && <> · Cost ${x.total_cost.toFixed(3)}</>}
      </span>
      {x?.error_message && status === 'FAILED' && <span className="max-w-xs truncate text-xs text-red-600" title={x.error_message}>{x.error_message}</span>}
    </div>
  );
}
