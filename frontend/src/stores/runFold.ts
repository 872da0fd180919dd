import type { Execution, NodeExecution, Progress, RunEvent } from '../api/types';
import { isFinal } from './status';

/** NodeState is one node's state in the shown run, with the progress of its outside work while it runs. */
export type NodeState = NodeExecution & { progress?: Progress };

/** RunView is the shown run and its nodes' states, by node id. */
export type RunView = { execution: Execution | null; nodes: Record<string, NodeState> };

/** nodesOf indexes an execution's node states by node id. */
export function nodesOf(x: Execution | null): Record<string, NodeState> {
  return Object.fromEntries((x?.node_executions ?? []).map((n) => [n.node_id, n]));
}

/** blank is a node's state before any event about it. */
function blank(executionId: string, nodeId: string): NodeState {
  return {
    id: '', execution_id: executionId, node_id: nodeId, status: 'PENDING',
    input_data: null, output_data: null, error_message: null, queued_at: null, started_at: null, finished_at: null, reused_from: null,
  };
}

/**
 * foldNode folds one node event into the node's state. Entering RUNNING
 * starts its clock at the event's time (unless the snapshot already had it
 * running); a final status stops it and drops the progress. A progress
 * report for a node that has already ended arrived late: it changes nothing.
 * A node that completed with an earlier output says where from (reused_from).
 */
function foldNode(prev: NodeState, ev: RunEvent): NodeState {
  if (ev.progress && isFinal(prev.status)) return prev;
  const entering = ev.status === 'RUNNING' && prev.status !== 'RUNNING';
  const next: NodeState = {
    ...prev,
    status: ev.status,
    error_message: ev.error ?? null,
    output_data: (ev.output as NodeState['output_data'] | undefined) ?? prev.output_data, // a node's typed output, as the event carries it
    reused_from: ev.reused_from ?? prev.reused_from,
    started_at: entering ? ev.time : prev.started_at,
    finished_at: isFinal(ev.status) ? ev.time : prev.finished_at,
  };
  if (ev.status !== 'RUNNING') delete next.progress;
  else if (ev.progress) next.progress = ev.progress;
  else if (entering) delete next.progress;
  return next;
}

/** applyEvent folds one event of the run's stream into the shown run (pure, for tests); events of another run change nothing. */
export function applyEvent(x: Execution | null, nodes: Record<string, NodeState>, ev: RunEvent): RunView {
  if (!x || ev.execution_id !== x.id) return { execution: x, nodes };
  if (!ev.node_id) {
    const execution: Execution = {
      ...x, status: ev.status, total_cost: ev.cost ?? x.total_cost, error_message: ev.error ?? x.error_message,
      finished_at: isFinal(ev.status) ? ev.time : x.finished_at,
    };
    return { execution, nodes };
  }
  const next = foldNode(nodes[ev.node_id] ?? blank(x.id, ev.node_id), ev);
  return { execution: x, nodes: next === nodes[ev.node_id] ? nodes : { ...nodes, [ev.node_id]: next } };
}
