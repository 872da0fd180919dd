import type { Progress } from '../../../api/types';
import { elapsedBetween, formatElapsed } from '../../../lib/time';
import { useNow } from '../../../lib/useNow';
import type { NodeState } from '../../../stores/runFold';

/**
 * activityText says what a running node is doing: waiting in FAL's queue
 * (queue_position counts the requests ahead, so 0 ahead is position 1),
 * generating, or just running.
 */
export function activityText(p: Progress | undefined): string {
  if (p?.stage === 'queued') return p.queue_position !== undefined ? `In FAL's queue, position ${p.queue_position + 1}` : "In FAL's queue";
  if (p?.stage === 'generating') return 'Generating…';
  return 'Running…';
}

/** NodeActivity is a running node's live line: what it is doing and for how long (since it started running). */
export function NodeActivity({ state }: { state: NodeState }) {
  const running = state.status === 'RUNNING';
  const now = useNow(running);
  if (!running) return null;
  return (
    <div role="status" data-testid="node-activity" className="flex justify-between gap-2 px-3 pb-1 text-[12px] text-blue-700">
      <span className="truncate">{activityText(state.progress)}</span>
      <span className="tabular-nums">{formatElapsed(elapsedBetween(state.started_at, null, now))}</span>
    </div>
  );
}
