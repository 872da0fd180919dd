import { Timer } from 'lucide-react';
import { useNow } from '../../lib/useNow';
import { elapsedBetween, formatElapsed } from '../../lib/time';
import { isLive } from '../../stores/status';

/**
 * RunClock shows how long a run has taken: ticking while it is unfinished,
 * its total once it ended.
 */
export function RunClock({ status, startedAt, finishedAt }: { status: string; startedAt: string; finishedAt: string | null }) {
  const live = isLive(status);
  const now = useNow(live);
  const text = formatElapsed(elapsedBetween(startedAt, live ? null : finishedAt, now));
  return (
    <span className="flex items-center gap-1 text-xs tabular-nums text-slate-600" data-testid="run-clock" title={live ? 'Time since the run started' : 'How long the run took'}>
      <Timer className="h-3.5 w-3.5" aria-hidden />
      <span className="sr-only">{live ? 'running for' : 'took'} </span>{text}
    </span>
  );
}
