import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RunEvent, RunSummary } from '../../api/types';
import { isFinal, isLive } from '../../stores/status';

/** byNewest orders runs newest first. */
const byNewest = (a: RunSummary, b: RunSummary) => Date.parse(b.started_at) - Date.parse(a.started_at);

/** mergeRuns joins two lists of a workflow's runs by id, newest first; a run in newer replaces the same run in base. */
export function mergeRuns(base: RunSummary[], newer: RunSummary[]): RunSummary[] {
  const ids = new Set(newer.map((r) => r.id));
  return [...newer, ...base.filter((r) => !ids.has(r.id))].sort(byNewest);
}

/**
 * foldRun folds a change of one run (from the workflow's stream) into the
 * list: its status, cost, error and end; a run not in the list yet (started
 * in another tab) joins it, started at the event's time.
 */
export function foldRun(list: RunSummary[], ev: RunEvent): RunSummary[] {
  const old = list.find((r) => r.id === ev.execution_id);
  const base: RunSummary = old ?? {
    id: ev.execution_id, workflow_id: ev.workflow_id ?? '', status: ev.status, total_cost: null, error_message: null,
    started_at: ev.time, finished_at: null, step_mode: false,
  };
  const next: RunSummary = {
    ...base, status: ev.status, total_cost: ev.cost ?? base.total_cost, error_message: ev.error ?? base.error_message,
    finished_at: isFinal(ev.status) ? ev.time : base.finished_at,
  };
  return old ? list.map((r) => (r === old ? next : r)) : [next, ...list].sort(byNewest);
}

/**
 * runToAttach picks the run a tab should show from runs it just heard of
 * (newest first): the newest unfinished one it has not seen before and is
 * not showing; when the workflow has just opened (nothing seen, nothing
 * shown) and no run is going, the newest run, so its ads are there. A run
 * seen before is left alone, so a tab showing an older run by choice is not
 * pulled back to a paused one every time the list comes again; a run
 * started anywhere (this tab or another) is new, so it is shown.
 */
export function runToAttach(seen: ReadonlySet<string>, runs: Pick<RunSummary, 'id' | 'status'>[], shown: string | null): string | null {
  const opening = seen.size === 0 && shown === null;
  const run = runs.find((r) => isLive(r.status) && !seen.has(r.id)) ?? (opening ? runs[0] : undefined);
  return run && run.id !== shown ? run.id : null;
}

/** RUNS_FETCHED is how many of a workflow's runs the list fetches; its stream then keeps the newest of them live. */
const RUNS_FETCHED = 50;

/**
 * runsQuery is the query of a workflow's runs, newest first: the one home of
 * its key and fetch, for the run history and the results panel. The
 * workflow's event stream keeps it current (see useLiveRuns), so it is never
 * stale; what the stream put in first wins over the fetched list.
 */
export function runsQuery(workflowId: string) {
  const queryKey = ['executions', workflowId] as const;
  return queryOptions({
    queryKey,
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<RunSummary[]> => {
      const fetched = (await api.executions(workflowId, RUNS_FETCHED)).executions ?? [];
      return mergeRuns(fetched, client.getQueryData<RunSummary[]>(queryKey) ?? []);
    },
  });
}
