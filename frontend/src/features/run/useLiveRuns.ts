import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { followWorkflow } from '../../api/events';
import type { RunSummary } from '../../api/types';
import { useRun } from '../../stores/run';
import { foldRun, mergeRuns, runsQuery, runToAttach } from './runs';

/**
 * useLiveRuns follows the workflow's stream while the editor is open: it
 * keeps the runs list current (no polling), and attaches the canvas to the
 * newest unfinished run when the workflow opens (a reload mid-run) and to
 * any run that starts later, in this tab or another. attach must be stable.
 * It returns whether the stream is open (its first list arrived), so no run
 * that starts from then on is missed.
 */
export function useLiveRuns(workflowId: string, attach: (executionId: string) => void): boolean {
  const qc = useQueryClient();
  const [liveFor, setLiveFor] = useState<string | null>(null);
  useEffect(() => {
    const { queryKey } = runsQuery(workflowId);
    const seen = new Set<string>();
    const shown = () => useRun.getState().execution?.id ?? null;
    /** consider attaches to the run worth showing among runs just heard of, then remembers them all. */
    const consider = (runs: Pick<RunSummary, 'id' | 'status'>[]) => {
      const id = runToAttach(seen, runs, shown());
      runs.forEach((r) => seen.add(r.id));
      if (id) attach(id);
    };
    return followWorkflow(workflowId, {
      runs: (runs) => {
        qc.setQueryData<RunSummary[]>(queryKey, (old) => mergeRuns(old ?? [], runs));
        consider(runs);
      },
      run: (ev) => {
        qc.setQueryData<RunSummary[]>(queryKey, (old) => foldRun(old ?? [], ev));
        consider([{ id: ev.execution_id, status: ev.status }]);
      },
      live: (open) => setLiveFor(open ? workflowId : null),
    });
  }, [workflowId, qc, attach]);
  return liveFor === workflowId;
}
