import { asSentence, plain } from '../../api/problemText';
import type { Execution } from '../../api/types';
import type { NodeState } from '../../stores/runFold';

/**
 * runFailure is what the notice says about the shown run's failure: its
 * error, while the node that failed is still on the canvas. Once that node
 * is deleted (and the graph saved), the message is about a graph that is
 * gone, so it is not shown; a failure no node is blamed for stays. The
 * error is said for people (plain: no log-like tail).
 */
export function runFailure(x: Execution | null, nodes: Record<string, NodeState>, onCanvas: ReadonlySet<string>): string {
  if (x?.status !== 'FAILED' || !x.error_message) return '';
  const failed = Object.values(nodes).filter((n) => n.status === 'FAILED').map((n) => n.node_id);
  if (failed.length > 0 && !failed.some((id) => onCanvas.has(id))) return '';
  return asSentence(`The run failed: ${plain(x.error_message)}`);
}
