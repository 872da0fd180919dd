import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Reply } from '../../api/types';
import { useSettled } from '../../lib/useSettled';
import { fromFlow } from '../../stores/flow';
import { useGraph } from '../../stores/graph';

/** DRAFT_ESTIMATE_DELAY_MS is how long edits must pause before the unsaved graph is priced. */
const DRAFT_ESTIMATE_DELAY_MS = 500;

/**
 * useEstimate prices the workflow as the editor holds it: the saved graph,
 * or, while there are unsaved edits, the graph on the canvas (sent with the
 * request once the edits pause). Until then, or when the server cannot
 * price the edited graph (a save would refuse it), the last estimate stays,
 * marked stale.
 */
export function useEstimate(workflowId: string): { data: Reply<'estimate'> | undefined; stale: boolean } {
  const dirty = useGraph((s) => s.dirty);
  const revision = useSettled(useGraph((s) => s.revision), DRAFT_ESTIMATE_DELAY_MS);
  const q = useQuery({
    queryKey: ['estimate', workflowId, dirty ? revision : 'saved'],
    queryFn: () => {
      if (!dirty) return api.estimate(workflowId);
      const { nodes, edges } = useGraph.getState();
      return api.estimate(workflowId, fromFlow(nodes, edges));
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { data: q.data, stale: q.isPlaceholderData || q.isError };
}
