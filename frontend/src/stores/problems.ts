import { noErrors, type GraphErrors, type NodeErrors } from '../features/editor/graphErrors';
import { hasProblems, pruneProblems } from '../features/editor/pruneProblems';
import { create } from 'zustand';
import type { Snapshot } from './flow';
import { useGraph } from './graph';

/**
 * ProblemsState holds what the last save or run found: errors (it was
 * refused; red) and warnings (saved anyway; amber), placed on nodes, edges
 * and form fields, and the one-line summary of the errors for the notice.
 */
type ProblemsState = {
  errors: GraphErrors;
  warnings: GraphErrors;
  summary: string;
  /** show shows a refused save's or run's errors, with their summary. */
  show: (errors: GraphErrors, summary: string) => void;
  /** saved shows a save's warnings; the errors, now answered, go. */
  saved: (warnings: GraphErrors) => void;
  clear: () => void;
  /** prune drops what the edit from prev to next made stale; the summary goes with the last error. */
  prune: (prev: Snapshot, next: Snapshot) => void;
};

/** useProblems is the validation-errors and warnings store. */
export const useProblems = create<ProblemsState>((set, get) => ({
  errors: noErrors,
  warnings: noErrors,
  summary: '',
  show: (errors, summary) => set({ errors, summary }),
  saved: (warnings) => set({ errors: noErrors, summary: '', warnings }),
  clear: () => set({ errors: noErrors, warnings: noErrors, summary: '' }),
  prune: (prev, next) => {
    const s = get();
    const errors = pruneProblems(s.errors, prev, next, { fieldsFollowInputs: false });
    const warnings = pruneProblems(s.warnings, prev, next, { fieldsFollowInputs: true });
    if (errors === s.errors && warnings === s.warnings) return;
    set({ errors, warnings, summary: hasProblems(errors) ? s.summary : '' });
  },
}));

/** pruneOnEdit keeps the problems current as the graph is edited (not when another workflow loads); it returns the unsubscribe function. */
export function pruneOnEdit(): () => void {
  return useGraph.subscribe((s, prev) => {
    if (s.workflowId !== prev.workflowId || (s.nodes === prev.nodes && s.edges === prev.edges)) return;
    useProblems.getState().prune(prev, s);
  });
}

/** useNodeErrors returns one node's errors (undefined when it has none); it re-renders only when they change. */
export function useNodeErrors(id: string | null): NodeErrors | undefined {
  return useProblems((s) => (id ? s.errors.nodes[id] : undefined));
}

/** useNodeWarnings returns one node's warnings (undefined when it has none). */
export function useNodeWarnings(id: string | null): NodeErrors | undefined {
  return useProblems((s) => (id ? s.warnings.nodes[id] : undefined));
}
