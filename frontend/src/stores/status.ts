import type { RunStatus } from '../api/types';

/** live are the statuses of a run (or node) that has not ended: it may still change, be stepped, resumed or cancelled. */
const live = new Set<string>(['PENDING', 'RUNNING', 'PAUSED'] satisfies RunStatus[]);

/** final are the statuses of a run (or node) that has ended and will not change again. */
const final = new Set<string>(['COMPLETED', 'FAILED', 'CANCELLED', 'SKIPPED'] satisfies RunStatus[]);

/** isLive says whether a run or node with this status is unfinished (pending, running or paused). */
export function isLive(status: string | null | undefined): boolean {
  return !!status && live.has(status);
}

/** isFinal says whether a run or node with this status has ended. */
export function isFinal(status: string | null | undefined): boolean {
  return !!status && final.has(status);
}
