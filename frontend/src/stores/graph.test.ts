import { beforeEach, describe, expect, it } from 'vitest';
import { fromFlow, toFlow, useGraph } from './graph';

describe('graph store', () => {
  beforeEach(() => useGraph.getState().load({ id: 'w', name: 'w', description: null, is_active: true, created_at: '', updated_at: '', nodes: [], edges: [] }));

  it('adds, edits, undoes and redoes, tracking unsaved changes', () => {
    const g = useGraph.getState();
    const id = g.addNode('TEXT_INPUT', 'Text', { value: '' }, 10, 20);
    useGraph.getState().updateNode(id, { config: { value: 'shoes' } });
    expect(useGraph.getState().dirty).toBe(true);
    expect(useGraph.getState().nodes[0].data.config).toEqual({ value: 'shoes' });
    useGraph.getState().undo();
    expect(useGraph.getState().nodes[0].data.config).toEqual({ value: '' });
    useGraph.getState().undo();
    expect(useGraph.getState().nodes).toHaveLength(0);
    useGraph.getState().redo();
    expect(useGraph.getState().nodes).toHaveLength(1);
  });

  it('round-trips the API shape', () => {
    const w = {
      id: 'w', name: 'w', description: null, is_active: true, created_at: '', updated_at: '',
      nodes: [{ id: 'a', type: 'TEXT_INPUT' as const, name: 'A', config: { value: 'x' }, position_x: 1, position_y: 2, has_breakpoint: true }],
      edges: [{ id: 'e', source_node_id: 'a', target_node_id: 'a', source_handle: 'text', target_handle: null }],
    };
    const f = toFlow(w);
    const back = fromFlow(f.nodes, f.edges);
    expect(back.nodes).toEqual(w.nodes);
    expect(back.edges[0]).toEqual({ source_node_id: 'a', target_node_id: 'a', source_handle: 'text', target_handle: null });
  });

  it('removes the selected node with its edges', () => {
    const g = useGraph.getState();
    const a = g.addNode('TEXT_INPUT', 'A', {}, 0, 0);
    const b = useGraph.getState().addNode('PROMPT', 'B', {}, 0, 0);
    useGraph.getState().connect({ source: a, target: b, sourceHandle: 'text', targetHandle: 'vars' });
    useGraph.getState().select(a);
    useGraph.getState().removeSelected();
    expect(useGraph.getState().nodes.map((n) => n.id)).toEqual([b]);
    expect(useGraph.getState().edges).toHaveLength(0);
  });
});
