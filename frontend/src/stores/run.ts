import { create } from 'zustand';
import type { Execution, Quote, RunEvent } from '../api/types';
import { applyEvent, nodesOf, type NodeState } from './runFold';

/** RunState is the execution shown on the canvas, kept live from its event stream. */
type RunState = {
  execution: Execution | null;
  nodes: Record<string, NodeState>;
  /** estimates are what each node will generate and cost before a run, by node id. */
  estimates: Record<string, Quote>;
  /**
   * refused says the last run asked for did not start (refused, or its save
   * was): nothing of an earlier run shows then, so the bar, the nodes and
   * the notice speak of the same attempt. Showing a run clears it.
   */
  refused: boolean;
  setEstimates: (e: Record<string, Quote>) => void;
  setExecution: (x: Execution | null) => void;
  /** refuse records a run that did not start: no run is shown. */
  refuse: () => void;
  apply: (ev: RunEvent) => void;
};

/** useRun is the run store; subscribe with a selector. */
export const useRun = create<RunState>((set, get) => ({
  execution: null,
  nodes: {},
  estimates: {},
  refused: false,
  setEstimates: (estimates) => set({ estimates }),
  setExecution: (x) => set({ execution: x, nodes: nodesOf(x), refused: false }),
  refuse: () => set({ execution: null, nodes: {}, refused: true }),
  apply: (ev) => set(applyEvent(get().execution, get().nodes, ev)),
}));
