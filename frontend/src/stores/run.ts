import { create } from 'zustand';
import type { Execution, Quote, RunEvent } from '../api/types';
import { applyEvent, nodesOf, type NodeState } from './runFold';

/** RunState is the execution shown on the canvas, kept live from its event stream. */
type RunState = {
  execution: Execution | null;
  nodes: Record<string, NodeState>;
  /** estimates are what each node will generate and cost before a run, by node id. */
  estimates: Record<string, Quote>;
  setEstimates: (e: Record<string, Quote>) => void;
  setExecution: (x: Execution | null) => void;
  apply: (ev: RunEvent) => void;
};

/** useRun is the run store; subscribe with a selector. */
export const useRun = create<RunState>((set, get) => ({
  execution: null,
  nodes: {},
  estimates: {},
  setEstimates: (estimates) => set({ estimates }),
  setExecution: (x) => set({ execution: x, nodes: nodesOf(x) }),
  apply: (ev) => set(applyEvent(get().execution, get().nodes, ev)),
}));
