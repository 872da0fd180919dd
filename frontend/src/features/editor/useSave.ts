import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Workflow } from '../../api/types';
import { fromFlow } from '../../stores/flow';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { showProblem } from './showProblem';

/**
 * useSave returns save(): it PUTs the canvas and resolves to the saved
 * workflow (whose node and edge order is the one a run's errors index into),
 * or to null after showing why the server refused it.
 */
export function useSave(workflowId: string, notify: (msg: string) => void): () => Promise<Workflow | null> {
  const qc = useQueryClient();
  return useCallback(async () => {
    const { nodes, edges } = useGraph.getState();
    const body = fromFlow(nodes, edges);
    try {
      const saved = await api.saveGraph(workflowId, body);
      useGraph.getState().markSaved();
      useProblems.getState().clear();
      notify('');
      qc.invalidateQueries({ queryKey: ['estimate', workflowId] });
      return saved;
    } catch (err) {
      showProblem(err, body, notify);
      return null;
    }
  }, [workflowId, notify, qc]);
}
