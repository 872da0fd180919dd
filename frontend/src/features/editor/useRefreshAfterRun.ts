import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRun } from '../../stores/run';
import { isFinal, isLive } from '../../stores/status';
import { meKey } from '../account/useMe';

/**
 * useRefreshAfterRun asks again, when the shown run ends, for what a run
 * changes: the workflow's estimate (what the next run will reuse) and this
 * month's spend; and for the spend when a run starts (its nodes set money
 * aside).
 */
export function useRefreshAfterRun(workflowId: string) {
  const qc = useQueryClient();
  useEffect(() => useRun.subscribe((s, prev) => {
    const now = s.execution?.status;
    const before = prev.execution?.id === s.execution?.id ? prev.execution?.status : undefined;
    if (isLive(before) && isFinal(now)) {
      qc.invalidateQueries({ queryKey: ['estimate', workflowId] });
      qc.invalidateQueries({ queryKey: meKey });
    } else if (s.execution?.id !== prev.execution?.id && isLive(now)) {
      qc.invalidateQueries({ queryKey: meKey });
    }
  }), [qc, workflowId]);
}
