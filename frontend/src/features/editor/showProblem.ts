import { ApiError } from '../../api/client';
import { asClause, problemText } from '../../api/problemText';
import { useProblems } from '../../stores/problems';
import { graphErrors, problemSummary, type SentGraph } from './graphErrors';

/**
 * showProblem shows why a save or run was refused. Located errors go on the
 * nodes, edges and form fields (by index into the graph that was sent), and
 * the notice says where to look ("Not saved: 1 node has problems to fix");
 * they leave as their nodes are fixed. Anything else is told in the notice,
 * in words (problemText).
 */
export function showProblem(err: unknown, sent: SentGraph, notify: (msg: string) => void, action: 'Not saved' | 'Not run') {
  if (!(err instanceof ApiError) || err.errors.length === 0) {
    notify(`${action}: ${asClause(problemText(err))}`);
    return;
  }
  const errors = graphErrors(err.errors, sent);
  useProblems.getState().show(errors, `${action}: ${problemSummary(errors, err.message)}`);
  notify('');
}
