import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphErrors } from '../features/editor/graphErrors';
import { workflow } from '../test/fixtures';
import { useGraph } from './graph';
import { pruneOnEdit, useProblems } from './problems';

describe('problems store', () => {
  let stop = () => {};
  beforeEach(() => {
    useGraph.getState().load(workflow());
    useProblems.getState().clear();
    stop = pruneOnEdit();
  });
  afterEach(() => stop());

  it('drops an error, and the notice\'s summary with the last one, as the graph is fixed', () => {
    const id = useGraph.getState().addNode('OUTPUT', '', {}, 0, 0);
    useProblems.getState().show(graphErrors([{ location: 'body.nodes[0].name', message: 'expected length >= 1' }], { nodes: [{ id }] }), 'Not saved: 1 node has problems to fix');
    useGraph.getState().updateNode(id, { config: { num_images: 2 } });
    expect(useProblems.getState().summary).not.toBe('');
    useGraph.getState().updateNode(id, { name: 'Ads' });
    expect(useProblems.getState().errors.nodes).toEqual({});
    expect(useProblems.getState().summary).toBe('');
  });

  it('keeps warnings until their node changes, and clears errors once a save succeeds', () => {
    const id = useGraph.getState().addNode('PROMPT', 'P', { template: '{{city}}' }, 0, 0);
    const sent = { nodes: [{ id }] };
    useProblems.getState().show(graphErrors([{ location: 'body.nodes[0].type', message: 'bad' }], sent), 'Not saved');
    useProblems.getState().saved(graphErrors([{ location: 'body.nodes[0].config.template', message: 'no connected node provides {{city}}' }], sent));
    expect(useProblems.getState().errors.nodes).toEqual({});
    expect(useProblems.getState().warnings.nodes[id].fields.template).toContain('{{city}}');
    useGraph.getState().updateNode(id, { config: { template: '{{text}}' } });
    expect(useProblems.getState().warnings.nodes).toEqual({});
  });
});
