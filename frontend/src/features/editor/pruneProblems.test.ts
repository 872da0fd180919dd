import { describe, expect, it } from 'vitest';
import { flowNode, type Snapshot } from '../../stores/flow';
import { graphErrors, problemSummary } from './graphErrors';
import { hasProblems, pruneProblems } from './pruneProblems';

const text = flowNode('t', 'TEXT_INPUT', 'Product', { value: 'shoes' }, 0, 0);
const prompt = flowNode('p', 'PROMPT', 'Prompt', { template: 'An ad for {{city}}' }, 300, 0);
const model = flowNode('m', 'IMAGE_MODEL', '', { parameters: { num_images: 9 } }, 600, 0);
const before: Snapshot = { nodes: [text, prompt, model], edges: [{ id: 'e1', source: 't', target: 'p', sourceHandle: 'text', targetHandle: 'vars' }] };
const sent = { nodes: [{ id: 't' }, { id: 'p' }, { id: 'm' }], edges: [{ id: 'e1' }] };

/** errors are a refused save's: an empty name, a number out of range, an unconnected input. */
const errors = graphErrors([
  { message: 'expected length >= 1', location: 'body.nodes[2].name' },
  { message: 'expected number <= 4', location: 'body.nodes[2].config.parameters.num_images' },
  { message: 'connect something to its prompt input', location: 'body.nodes[2].inputs.prompt' },
], sent);

/** warnings are a save's warnings, placed like errors. */
const warnings = graphErrors([
  { message: 'no connected node provides {{city}}; available: Product, text', location: 'body.nodes[1].config.template' },
  { message: 'connect something to its prompt input', location: 'body.nodes[2].inputs.prompt' },
], sent);

/** edit returns the snapshot with one node's data changed. */
const edit = (s: Snapshot, id: string, data: object): Snapshot => ({ ...s, nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...data } as typeof n.data } : n)) });

describe('problems on the canvas', () => {
  it('marks an empty name on the name, and summarises where to look', () => {
    expect(errors.nodes.m.node.name).toBe('cannot be empty');
    expect(problemSummary(errors, 'validation failed')).toBe('1 node has problems to fix (marked in red)');
    expect(problemSummary(graphErrors([{ message: 'too many nodes' }], sent), 'validation failed')).toBe('too many nodes');
    expect(problemSummary(graphErrors([], sent), 'validation failed')).toBe('validation failed');
    expect(problemSummary(graphErrors([{ message: 'expected length >= 1', location: 'body.nodes[0].name' }], sent), 'x'))
      .toBe('1 node has problems to fix (marked in red): the name cannot be empty');
    expect(problemSummary(graphErrors([{ message: 'this server has no RAPIDAPI_KEY', location: 'body.nodes[0].type' }], sent), 'x'))
      .toBe('1 node has problems to fix (marked in red): this server has no RAPIDAPI_KEY');
  });

  it('places a save\'s warnings on their nodes and fields', () => {
    expect(warnings.nodes.p.fields).toEqual({ template: 'no connected node provides {{city}}; available: Product, text' });
    expect(warnings.nodes.m.node).toEqual({ 'inputs.prompt': 'connect something to its prompt input' });
  });

  it('clears a stale error when its field or the name changes, keeping the others', () => {
    const renamed = pruneProblems(errors, before, edit(before, 'm', { name: 'Flux' }), { fieldsFollowInputs: false });
    expect(renamed.nodes.m.node).toEqual({ 'inputs.prompt': 'connect something to its prompt input' });
    expect(renamed.nodes.m.fields).toEqual({ 'parameters.num_images': 'must be at most 4' });
    const fixed = pruneProblems(renamed, before, edit(before, 'm', { config: { parameters: { num_images: 4 } } }), { fieldsFollowInputs: false });
    expect(fixed.nodes.m.fields).toEqual({});
  });

  it('clears an input\'s error when an edge comes into the node, and a deleted node\'s errors', () => {
    const connected = { ...before, edges: [...before.edges, { id: 'e2', source: 'p', target: 'm', sourceHandle: 'prompt', targetHandle: 'prompt' }] };
    expect(pruneProblems(errors, before, connected, { fieldsFollowInputs: false }).nodes.m.node).toEqual({ name: 'cannot be empty' });
    const deleted = { nodes: [text, prompt], edges: before.edges };
    const left = pruneProblems(errors, before, deleted, { fieldsFollowInputs: false });
    expect(left.nodes).toEqual({});
    expect(hasProblems(left)).toBe(false);
  });

  it('clears a template warning once a node is connected to the prompt, and leaves untouched problems as they were', () => {
    const moved = { ...before, nodes: before.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 0 } })) };
    expect(pruneProblems(warnings, before, moved, { fieldsFollowInputs: true })).toBe(warnings);
    const city = flowNode('c', 'TEXT_INPUT', 'city', { value: 'Paris' }, 0, 200);
    const wired = { nodes: [...before.nodes, city], edges: [...before.edges, { id: 'e3', source: 'c', target: 'p', sourceHandle: 'text', targetHandle: 'vars' }] };
    expect(pruneProblems(warnings, before, wired, { fieldsFollowInputs: true }).nodes.p).toBeUndefined();
  });

  it('clears a refused edge\'s error when the edge is deleted', () => {
    const e = graphErrors([{ message: 'duplicate edge', location: 'body.edges[0]' }], sent);
    expect(pruneProblems(e, before, { ...before, edges: [] }, { fieldsFollowInputs: false }).edges).toEqual({});
  });
});
