import { describe, expect, it } from 'vitest';
import { besideErrors, graphErrors } from './graphErrors';

describe('graphErrors', () => {
  const sent = { nodes: [{ id: 'text' }, { id: 'out' }, { id: 'flux' }], edges: [{ id: 'e0' }, { id: 'e1' }] };

  it('places config errors on the node at that index, by field path', () => {
    const e = graphErrors([
      { message: 'expected number <= 4', location: 'body.nodes[2].config.parameters.num_images' },
      { message: 'must be from 1 to 12 for FLUX schnell', location: 'body.nodes[2].config.parameters.num_inference_steps' },
      { message: 'expected required property value to be present', location: 'body.nodes[0].config' },
    ], sent);
    expect(e.nodes).toEqual({
      flux: { fields: { 'parameters.num_images': 'must be at most 4', 'parameters.num_inference_steps': 'must be from 1 to 12 for FLUX schnell' }, node: {} },
      text: { fields: { '': 'needs value' }, node: {} },
    });
    expect(e.graph).toEqual([]);
  });

  it('keeps node-level errors (name, type, inputs, the whole node) apart from fields', () => {
    const e = graphErrors([
      { message: 'expected length >= 1', location: 'body.nodes[0].name' },
      { message: 'connect something to its images input', location: 'body.nodes[1].inputs.image_urls' },
      { message: 'the graph has a cycle', location: 'body.nodes[1]' },
      { message: 'expected value to be one of "TEXT_INPUT, …"', location: 'body.nodes[2].type' },
    ], sent);
    expect(e.nodes.text.node).toEqual({ name: 'cannot be empty' });
    expect(e.nodes.out.node).toEqual({ 'inputs.image_urls': 'connect something to its images input', '': 'the graph has a cycle' });
    expect(e.nodes.flux).toEqual({ fields: {}, node: { type: 'must be one of TEXT_INPUT, …' } });
  });

  it('places edge errors on the edge at that index', () => {
    const e = graphErrors([
      { message: 'node "T" (TEXT_INPUT) has no output "nope"', location: 'body.edges[1].source_handle' },
      { message: 'duplicate edge', location: 'body.edges[0]' },
    ], sent);
    expect(e.edges).toEqual({ e1: 'node "T" (TEXT_INPUT) has no output "nope"', e0: 'duplicate edge' });
    expect(e.nodes).toEqual({});
  });

  it('joins errors on the same field and keeps unplaceable ones for the graph', () => {
    const e = graphErrors([
      { message: 'too long', location: 'body.nodes[1].config.aspect_ratio' },
      { message: 'not a ratio', location: 'body.nodes[1].config.aspect_ratio' },
      { message: 'out of range', location: 'body.nodes[7].name' },
      { message: 'too many nodes', location: 'body.nodes' },
      { message: 'no location' },
    ], sent);
    expect(e.nodes.out.fields).toEqual({ aspect_ratio: 'too long; not a ratio' });
    expect(e.graph).toEqual(['out of range', 'too many nodes', 'no location']);
  });
});

describe('besideErrors', () => {
  it('shows a problem once: a warning an error already says, or at the same place, is left out', () => {
    const errors = { node: { 'inputs.prompt': 'connect something to its prompt input' }, fields: { steps: 'must be at most 4' } };
    const warnings = { node: { 'inputs.prompt': 'connect something to its prompt input', 'inputs.image': 'nothing feeds its image input' }, fields: { steps: 'high', seed: 'must be at most 4' } };
    expect(besideErrors(warnings, errors)).toEqual({ node: { 'inputs.image': 'nothing feeds its image input' }, fields: {} });
    expect(besideErrors({ node: { 'inputs.prompt': 'connect something to its prompt input' }, fields: {} }, errors)).toBeUndefined();
    expect(besideErrors(warnings, undefined)).toBe(warnings);
  });
});
