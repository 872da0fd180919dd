import { useQuery } from '@tanstack/react-query';
import { History as HistoryIcon } from 'lucide-react';
import { useRun } from '../../stores/run';
import { runsQuery } from './runs';

/**
 * OlderRunNote says, in the run bar, that the run on show is not the
 * workflow's latest (one opened from the history), with a button back to
 * the latest; nothing when the latest is shown.
 */
export function OlderRunNote({ workflowId, onOpen }: { workflowId: string; onOpen: (id: string) => void }) {
  const latest = useQuery({ ...runsQuery(workflowId), select: (d) => d[0]?.id ?? null }).data ?? null;
  const shown = useRun((s) => s.execution?.id ?? null);
  if (!shown || !latest || latest === shown) return null;
  return (
    <span className="flex shrink-0 items-center gap-1.5 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-amber-300" data-testid="older-run">
      <HistoryIcon className="h-3.5 w-3.5" aria-hidden /> Older run
      <button type="button" onClick={() => onOpen(latest)} data-testid="show-latest"
        className="rounded font-medium underline underline-offset-2 hover:text-amber-950 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand">
        Show latest
      </button>
    </span>
  );
}
