import { create } from 'zustand';
import { noErrors, type GraphErrors, type NodeErrors } from '../features/editor/graphErrors';

/** ProblemsState holds the last save's or run's validation errors, shown on the nodes, edges and forms. */
type ProblemsState = {
  errors: GraphErrors;
  show: (errors: GraphErrors) => void;
  clear: () => void;
};

/** useProblems is the validation-errors store. */
export const useProblems = create<ProblemsState>((set) => ({
  errors: noErrors,
  show: (errors) => set({ errors }),
  clear: () => set({ errors: noErrors }),
}));

/** useNodeErrors returns one node's errors (undefined when it has none); it re-renders only when they change. */
export function useNodeErrors(id: string | null): NodeErrors | undefined {
  return useProblems((s) => (id ? s.errors.nodes[id] : undefined));
}
