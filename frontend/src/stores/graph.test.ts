import { beforeEach, describe, expect, it } from 'vitest';
import { workflow } from '../test/fixtures';
import { useGraph } from './graph';

describe('graph store', () => {
  beforeEach(() => useGraph.getState().load(workflow()));

  it('adds, edits, undoes and redoes, tracking unsaved changes', () => {
    const id = useGraph.getState().addNode('TEXT_INPUT', 'Text', { value: '' }, 10, 20);
    useGraph.getState().updateNode(id, { config: { value: 'shoes' } });
    expect(useGraph.getState().dirty).toBe(true);
    expect(useGraph.getState().nodes[0].data).toEqual({ type: 'TEXT_INPUT', name: 'Text', config: { value: 'shoes' }, has_breakpoint: false });
    useGraph.getState().undo();
    expect(useGraph.getState().nodes[0].data.config).toEqual({ value: '' });
    useGraph.getState().undo();
    expect(useGraph.getState().nodes).toHaveLength(0);
    useGraph.getState().redo();
    expect(useGraph.getState().nodes).toHaveLength(1);
    useGraph.getState().markSaved(2, useGraph.getState().revision);
    expect(useGraph.getState().dirty).toBe(false);
    expect(useGraph.getState().version).toBe(2);
  });

  it('keeps an edit made while a save was on its way unsaved', () => {
    const id = useGraph.getState().addNode('TEXT_INPUT', 'Text', { value: '' }, 10, 20);
    const sent = useGraph.getState().revision;
    useGraph.getState().updateNode(id, { name: 'Product' });
    useGraph.getState().markSaved(2, sent);
    expect(useGraph.getState().dirty).toBe(true);
    expect(useGraph.getState().version).toBe(2);
  });

  it('keeps a node\'s data object while it moves, so selectors on data do not fire', () => {
    const id = useGraph.getState().addNode('PROMPT', 'P', { template: 't' }, 0, 0);
    const before = useGraph.getState().nodes[0].data;
    useGraph.getState().onNodesChange([{ type: 'position', id, position: { x: 5, y: 5 }, dragging: true }]);
    expect(useGraph.getState().nodes[0].position).toEqual({ x: 5, y: 5 });
    expect(useGraph.getState().nodes[0].data).toBe(before);
  });

  it('removes the selected node with its edges', () => {
    const a = useGraph.getState().addNode('TEXT_INPUT', 'A', {}, 0, 0);
    const b = useGraph.getState().addNode('PROMPT', 'B', {}, 0, 0);
    useGraph.getState().connect({ source: a, target: b, sourceHandle: 'text', targetHandle: 'vars' });
    useGraph.getState().select(a);
    useGraph.getState().removeSelected();
    expect(useGraph.getState().nodes.map((n) => n.id)).toEqual([b]);
    expect(useGraph.getState().edges).toHaveLength(0);
  });

  it('replaces edges in the same undo step as the connection that takes their place', () => {
    const a = useGraph.getState().addNode('TEXT_INPUT', 'A', {}, 0, 0);
    const b = useGraph.getState().addNode('TEXT_INPUT', 'B', {}, 0, 0);
    const m = useGraph.getState().addNode('IMAGE_MODEL', 'M', {}, 0, 0);
    useGraph.getState().connect({ source: a, target: m, sourceHandle: 'text', targetHandle: 'prompt' });
    const old = useGraph.getState().edges[0].id;
    useGraph.getState().connect({ source: b, target: m, sourceHandle: 'text', targetHandle: 'prompt' }, [old]);
    expect(useGraph.getState().edges.map((e) => e.source)).toEqual([b]);
    useGraph.getState().undo();
    expect(useGraph.getState().edges.map((e) => e.id)).toEqual([old]);
  });

  it('moves nodes (Arrange) as one undo step', () => {
    const a = useGraph.getState().addNode('TEXT_INPUT', 'A', {}, 0, 0);
    const b = useGraph.getState().addNode('PROMPT', 'B', {}, 0, 0);
    useGraph.getState().moveNodes({ [a]: { x: 10, y: 20 }, [b]: { x: 300, y: 20 } });
    expect(useGraph.getState().nodes.map((n) => n.position)).toEqual([{ x: 10, y: 20 }, { x: 300, y: 20 }]);
    useGraph.getState().undo();
    expect(useGraph.getState().nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 0 }]);
  });

  it('remembers which workflow it was loaded from', () => {
    expect(useGraph.getState().workflowId).toBe('w');
  });
});
