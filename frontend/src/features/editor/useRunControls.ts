import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { problemText } from '../../api/problemText';
import { follow } from '../../api/events';
import type { RunOptions, Workflow } from '../../api/types';
import { useRun } from '../../stores/run';
import { isLive } from '../../stores/status';
import { useLiveRuns } from '../run/useLiveRuns';
import { meKey } from '../account/useMe';
import { budgetRefusal, type NoticeAction } from './runRefusal';
import { showProblem } from './showProblem';

/** REFOLLOW_MS is how long to wait before following an unfinished run again after its stream ended. */
const REFOLLOW_MS = 1000;

/** Following is the run whose event stream is open, and how to close it. */
type Following = { id: string; stop: () => void };

/**
 * useRunControls runs, steps, resumes and cancels, and shows one run on the
 * canvas, live from its event stream: the one this tab starts, one picked
 * from the history, or (through the workflow's stream) the newest unfinished
 * one when the workflow opens and any that starts in another tab. A run
 * may start with options (a node regenerated, or run only up to a node);
 * one the monthly budget cannot cover is told as such (its figures asked
 * for again), with a link to it. A run that does not start leaves no
 * earlier run on show (useRun's refused): the bar says it did not run.
 */
export function useRunControls(workflowId: string, save: () => Promise<Workflow | null>, notify: (msg: string, action?: NoticeAction) => void) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const following = useRef<Following | null>(null);

  /**
   * open shows a run and follows it; opening the run already followed does
   * nothing. When its stream ends (the run ended, the server closed a long
   * stream, the network failed) it reads the run as it stands, with its
   * generations, and follows it again while it is unfinished.
   */
  const open = useMemo(() => {
    function open(id: string) {
      if (following.current?.id === id) return;
      following.current?.stop();
      const { setExecution, apply } = useRun.getState();
      const me: Following = { id, stop: () => {} };
      following.current = me;
      me.stop = follow(id, {
        snapshot: (x) => following.current === me && setExecution(x),
        change: (ev) => following.current === me && apply(ev),
        end: () => {
          if (following.current !== me) return;
          following.current = null;
          api.execution(id).then((x) => {
            if (useRun.getState().execution?.id !== id) return;
            setExecution(x);
            if (isLive(x.status)) setTimeout(() => !following.current && useRun.getState().execution?.id === id && open(id), REFOLLOW_MS);
          }).catch(() => {});
        },
      });
    }
    return open;
  }, []);

  const live = useLiveRuns(workflowId, open);
  useEffect(() => () => {
    following.current?.stop();
    following.current = null;
    useRun.getState().setExecution(null);
  }, [workflowId]);

  const act = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      notify(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const id = () => useRun.getState().execution?.id ?? '';
  /** refuse shows that the run asked for did not start: no earlier run stays on show. */
  const refuse = () => {
    following.current?.stop();
    following.current = null;
    useRun.getState().refuse();
  };
  /** figures are a refused run's estimate and the budget as they stand now, for its notice. */
  const figures = (options?: RunOptions) => () => Promise.all([
    api.estimate(workflowId, options).then((e) => e.total_cost),
    api.me().then((me) => {
      qc.setQueryData(meKey, me);
      return me;
    }),
  ]);
  /** start saves unsaved changes first (a run runs the saved graph), starts a run with options, and shows it. */
  const start = (options?: RunOptions) => act(async () => {
    const saved = await save();
    if (!saved) return refuse();
    let started;
    try {
      started = await api.execute(workflowId, options);
    } catch (err) {
      refuse();
      const budget = await budgetRefusal(err, figures(options));
      if (budget) notify(budget.text, budget.action);
      // Execute validates the saved graph: its errors index into the graph as the save returned it.
      else showProblem(err, saved, notify, 'Not run');
      return;
    }
    open(started.execution_id);
  })();
  return {
    busy,
    /** live says the workflow's stream is open: a run started from now on, here or elsewhere, is seen. */
    live,
    open,
    run: () => start(),
    /** runWith starts a run with options: {fresh: [node]} regenerates a node, {until: node} runs only what it needs. */
    runWith: (options: RunOptions) => start(options),
    step: act(async () => void (await api.step(id()))),
    resume: act(async () => void (await api.resume(id()))),
    cancel: act(async () => void (await api.cancel(id()))),
  };
}
