import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { Workflow } from '../../api/types';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { saveCanvas, type SaveResult } from './saveCanvas';
import { showProblem } from './showProblem';

/** Saving is save() and the state of a save refused because the workflow changed elsewhere. */
export type Saving = {
  /** save saves the canvas; it resolves to the saved workflow (whose order a run's errors index into), or null. */
  save: () => Promise<Workflow | null>;
  /** conflict is the server's explanation while a refused save waits for the user's choice, else null. */
  conflict: string | null;
  /** reload drops the local edits and loads the workflow as saved elsewhere. */
  reload: () => Promise<void>;
  /** overwrite saves the canvas over the version saved elsewhere. */
  overwrite: () => Promise<void>;
  /** dismiss leaves the conflict undecided (the canvas stays unsaved). */
  dismiss: () => void;
};

/** useSave saves the canvas and handles what can go wrong: refused graphs (shown on the nodes) and saves over a newer version (a choice). */
export function useSave(workflowId: string, notify: (msg: string) => void): Saving {
  const qc = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);

  /** settle shows a save's outcome and returns the saved workflow, if any. */
  const settle = useCallback((r: SaveResult): Workflow | null => {
    if (r.kind === 'saved') {
      setConflict(null);
      notify('');
      qc.invalidateQueries({ queryKey: ['estimate', workflowId] });
      return r.saved;
    }
    if (r.kind === 'conflict') setConflict(r.message);
    else showProblem(r.error, r.body, notify, 'Not saved');
    return null;
  }, [workflowId, notify, qc]);

  const save = useCallback(async () => settle(await saveCanvas(workflowId)), [workflowId, settle]);
  const overwrite = useCallback(async () => void settle(await saveCanvas(workflowId, true)), [workflowId, settle]);
  const reload = useCallback(async () => {
    try {
      const w = await api.getWorkflow(workflowId);
      qc.setQueryData(['workflow', workflowId], w);
      useGraph.getState().load(w);
      useProblems.getState().clear();
      setConflict(null);
      notify('');
    } catch {
      notify('The workflow could not be reloaded; try again.');
    }
  }, [workflowId, notify, qc]);
  const dismiss = useCallback(() => setConflict(null), []);
  return { save, conflict, reload, overwrite, dismiss };
}
