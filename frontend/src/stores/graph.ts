import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { NodeConfig, NodeType, Workflow } from '../api/types';
import { flowNode, toFlow, type FlowNode, type NodeData, type Snapshot } from './flow';

/** NodePatch is an edit of a node's name, breakpoint or config. */
export type NodePatch = { name?: string; has_breakpoint?: boolean; config?: Record<string, unknown> };

/** GraphState is the editor's graph with undo/redo and a dirty flag. */
type GraphState = Snapshot & {
  dirty: boolean;
  past: Snapshot[];
  future: Snapshot[];
  selected: string | null;
  /** workflowId is the workflow the graph was last loaded from (the canvas fits its view to each newly loaded one). */
  workflowId: string | null;
  /** version is the workflow's version the graph was loaded or last saved at: a save sends it, so a save over a newer one is refused. */
  version: number | null;
  load: (w: Workflow) => void;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  /** connect adds an edge, removing in the same undo step the edges it replaces. */
  connect: (c: Connection, replaces?: string[]) => void;
  /** moveNodes moves nodes to new positions (Arrange) as one undo step. */
  moveNodes: (positions: Record<string, { x: number; y: number }>) => void;
  addNode: <T extends NodeType>(type: T, name: string, config: Partial<NodeConfig<T>>, x: number, y: number) => string;
  updateNode: (id: string, patch: NodePatch) => void;
  removeSelected: () => void;
  select: (id: string | null) => void;
  undo: () => void;
  redo: () => void;
  /** revision counts the edits (each undo step, undo and redo): a save knows which one it sent. */
  revision: number;
  /** markSaved records a save, at version, of the canvas as it was at revision sent; edits made while it was on its way stay unsaved. */
  markSaved: (version: number, sent: number) => void;
};

/** useGraph is the editor's graph store; subscribe with a selector (useGraph((s) => s.dirty)). */
export const useGraph = create<GraphState>((set, get) => {
  const commit = (next: Partial<Snapshot>) => {
    const { nodes, edges, past, revision } = get();
    set({ ...next, past: [...past.slice(-49), { nodes, edges }], future: [], dirty: true, revision: revision + 1 });
  };
  return {
    nodes: [],
    edges: [],
    dirty: false,
    past: [],
    future: [],
    selected: null,
    workflowId: null,
    version: null,
    revision: 0,
    load: (w) => set({ ...toFlow(w), dirty: false, past: [], future: [], selected: null, workflowId: w.id, version: w.version }),
    onNodesChange: (changes) => {
      const moved = changes.some((c) => c.type === 'position' && !c.dragging) || changes.some((c) => c.type === 'remove');
      const nodes = applyNodeChanges(changes, get().nodes);
      if (moved) commit({ nodes });
      else set({ nodes });
    },
    onEdgesChange: (changes) => {
      const edges = applyEdgeChanges(changes, get().edges);
      if (changes.some((c) => c.type === 'remove')) commit({ edges });
      else set({ edges });
    },
    connect: (c, replaces = []) =>
      commit({ edges: addEdge({ ...c, id: crypto.randomUUID() }, get().edges.filter((e) => !replaces.includes(e.id))) }),
    moveNodes: (positions) =>
      commit({ nodes: get().nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n)) }),
    addNode: (type, name, config, x, y) => {
      const id = crypto.randomUUID();
      commit({ nodes: [...get().nodes, flowNode(id, type, name, config, x, y)] });
      set({ selected: id });
      return id;
    },
    // The form edits a config generically, from the schema its type is generated from; the node keeps its type.
    updateNode: (id, patch) =>
      commit({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } as NodeData } : n)) }),
    removeSelected: () => {
      const { selected, nodes, edges } = get();
      if (!selected) return;
      commit({ nodes: nodes.filter((n) => n.id !== selected), edges: edges.filter((e) => e.source !== selected && e.target !== selected) });
      set({ selected: null });
    },
    select: (id) => {
      if (get().selected !== id) set({ selected: id });
    },
    undo: () => {
      const { past, future, nodes, edges } = get();
      const prev = past[past.length - 1];
      if (!prev) return;
      set({ ...prev, past: past.slice(0, -1), future: [{ nodes, edges }, ...future], dirty: true, revision: get().revision + 1 });
    },
    redo: () => {
      const { past, future, nodes, edges } = get();
      const next = future[0];
      if (!next) return;
      set({ ...next, past: [...past, { nodes, edges }], future: future.slice(1), dirty: true, revision: get().revision + 1 });
    },
    markSaved: (version, sent) => set({ version, dirty: get().revision !== sent }),
  };
});
