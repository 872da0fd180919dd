import { ApiError } from '../../api/client';
import { useProblems } from '../../stores/problems';
import { graphErrors, type SentGraph } from './graphErrors';

/**
 * showProblem shows a failed save or run: the located errors on the nodes,
 * edges and forms (by index into the graph that was sent), and the server's
 * summary in the notice bar.
 */
export function showProblem(err: unknown, sent: SentGraph, notify: (msg: string) => void) {
  if (!(err instanceof ApiError)) {
    notify('Something went wrong; try again.');
    return;
  }
  useProblems.getState().show(graphErrors(err.errors, sent));
  notify(err.message);
}
