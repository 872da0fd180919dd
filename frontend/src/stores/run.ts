import { create } from 'zustand';
import type { Execution, NodeExecution, Quote, RunEvent } from '../api/types';

/** RunState is the execution shown on the canvas, kept live from events. */
type RunState = {
  execution: Execution | null;
  nodes: Record<string, NodeExecution>;
  /** estimates are what each node will generate and cost before a run, by node id. */
  estimates: Record<string, Quote>;
  setEstimates: (e: Record<string, Quote>) => void;
  setExecution: (x: Execution | null) => void;
  apply: (ev: RunEvent) => void;
};

/** applyEvent folds one event into a run's state (pure, for tests). */
export function applyEvent(x: Execution | null, nodes: Record<string, NodeExecution>, ev: RunEvent) {
  if (!x || ev.execution_id !== x.id) return { execution: x, nodes };
  if (!ev.node_id) {
    return { execution: { ...x, status: ev.status, total_cost: ev.cost ?? x.total_cost, error_message: ev.error ?? x.error_message }, nodes };
  }
  const prev: NodeExecution = nodes[ev.node_id] ?? {
    id: '', execution_id: x.id, node_id: ev.node_id, status: 'PENDING',
    input_data: null, output_data: null, error_message: null, queued_at: null, started_at: null, finished_at: null,
  };
  const next: NodeExecution = { ...prev, status: ev.status, error_message: ev.error ?? null, output_data: ev.output ?? prev.output_data };
  return { execution: x, nodes: { ...nodes, [ev.node_id]: next } };
}

/** useRun is the run store; subscribe with a selector. */
export const useRun = create<RunState>((set, get) => ({
  execution: null,
  nodes: {},
  estimates: {},
  setEstimates: (estimates) => set({ estimates }),
  setExecution: (x) =>
    set({ execution: x, nodes: Object.fromEntries((x?.node_executions ?? []).map((n) => [n.node_id, n])) }),
  apply: (ev) => set(applyEvent(get().execution, get().nodes, ev)),
}));
