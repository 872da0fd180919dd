import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Json, NodeType, Workflow, WorkflowEdge, WorkflowNode } from '../api/types';

/** NodeData is what each canvas node carries. */
export type NodeData = { type: NodeType; name: string; config: Json; has_breakpoint: boolean };
export type FlowNode = Node<NodeData>;

type Snapshot = { nodes: FlowNode[]; edges: Edge[] };

/** GraphState is the editor's graph with undo/redo and a dirty flag. */
type GraphState = Snapshot & {
  dirty: boolean;
  past: Snapshot[];
  future: Snapshot[];
  selected: string | null;
  load: (w: Workflow) => void;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (c: Connection) => void;
  addNode: (type: NodeType, name: string, config: Json, x: number, y: number) => string;
  updateNode: (id: string, patch: Partial<NodeData>) => void;
  removeSelected: () => void;
  select: (id: string | null) => void;
  undo: () => void;
  redo: () => void;
  markSaved: () => void;
};

/** toFlow turns a workflow from the API into canvas nodes and edges. */
export function toFlow(w: Workflow): Snapshot {
  return {
    nodes: (w.nodes ?? []).map((n) => ({
      id: n.id,
      type: n.type,
      position: { x: n.position_x, y: n.position_y },
      data: { type: n.type, name: n.name, config: n.config ?? {}, has_breakpoint: n.has_breakpoint },
    })),
    edges: (w.edges ?? []).map((e) => ({
      id: e.id ?? `${e.source_node_id}-${e.target_node_id}`,
      source: e.source_node_id,
      target: e.target_node_id,
      sourceHandle: e.source_handle ?? null,
      targetHandle: e.target_handle ?? null,
    })),
  };
}

/** fromFlow turns the canvas into the PUT .../graph body. */
export function fromFlow(nodes: FlowNode[], edges: Edge[]): { nodes: WorkflowNode[]; edges: WorkflowEdge[] } {
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.data.type,
      name: n.data.name,
      config: n.data.config,
      position_x: Math.round(n.position.x),
      position_y: Math.round(n.position.y),
      has_breakpoint: n.data.has_breakpoint,
    })),
    edges: edges.map((e) => ({ source_node_id: e.source, target_node_id: e.target, source_handle: e.sourceHandle ?? null, target_handle: e.targetHandle ?? null })),
  };
}

/** useGraph is the editor's graph store. */
export const useGraph = create<GraphState>((set, get) => {
  const commit = (next: Partial<Snapshot>) => {
    const { nodes, edges, past } = get();
    set({ ...next, past: [...past.slice(-49), { nodes, edges }], future: [], dirty: true });
  };
  return {
    nodes: [],
    edges: [],
    dirty: false,
    past: [],
    future: [],
    selected: null,
    load: (w) => set({ ...toFlow(w), dirty: false, past: [], future: [], selected: null }),
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
    connect: (c) => commit({ edges: addEdge({ ...c, id: crypto.randomUUID() }, get().edges) }),
    addNode: (type, name, config, x, y) => {
      const id = crypto.randomUUID();
      commit({ nodes: [...get().nodes, { id, type, position: { x, y }, data: { type, name, config, has_breakpoint: false } }] });
      set({ selected: id });
      return id;
    },
    updateNode: (id, patch) => commit({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n)) }),
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
      set({ ...prev, past: past.slice(0, -1), future: [{ nodes, edges }, ...future], dirty: true });
    },
    redo: () => {
      const { past, future, nodes, edges } = get();
      const next = future[0];
      if (!next) return;
      set({ ...next, past: [...past, { nodes, edges }], future: future.slice(1), dirty: true });
    },
    markSaved: () => set({ dirty: false }),
  };
});
