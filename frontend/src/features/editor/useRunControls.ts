import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { follow } from '../../api/events';
import type { Workflow } from '../../api/types';
import { useRun } from '../../stores/run';
import { showProblem } from './showProblem';

/** useRunControls runs, steps, resumes and cancels, and follows the live event stream. */
export function useRunControls(workflowId: string, save: () => Promise<Workflow | null>, notify: (msg: string) => void) {
  const setExecution = useRun((s) => s.setExecution);
  const apply = useRun((s) => s.apply);
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const stop = useRef<() => void>(() => {});

  const open = useCallback(async (id: string) => {
    stop.current();
    const x = await api.execution(id);
    setExecution(x);
    stop.current = follow(id, {
      snapshot: (s) => setExecution(s),
      change: (ev) => apply(ev),
      end: () => {
        api.execution(id).then((final) => useRun.getState().execution?.id === id && setExecution(final)).catch(() => {});
        qc.invalidateQueries({ queryKey: ['executions', workflowId] });
      },
    });
  }, [apply, qc, setExecution, workflowId]);

  useEffect(() => () => stop.current(), []);
  useEffect(() => () => setExecution(null), [setExecution, workflowId]);

  const act = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      notify(err instanceof ApiError ? err.message : 'Something went wrong');
    } finally {
      setBusy(false);
    }
  };
  const id = () => useRun.getState().execution?.id ?? '';
  return {
    busy,
    open,
    run: act(async () => {
      const saved = await save();
      if (!saved) return;
      let started;
      try {
        started = await api.execute(workflowId);
      } catch (err) {
        // Execute validates the saved graph: its errors index into the graph as the save returned it.
        showProblem(err, saved, notify);
        return;
      }
      await open(started.execution_id);
      qc.invalidateQueries({ queryKey: ['executions', workflowId] });
    }),
    step: act(async () => void (await api.step(id()))),
    resume: act(async () => void (await api.resume(id()))),
    cancel: act(async () => void (await api.cancel(id()))),
  };
}
