import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ConfigName, NodeConfig, NodeType } from '../api/types';
import type { components } from '../api/schema.gen';
import { workflow } from '../test/fixtures';
import { FLOW_NODE, fromFlow, toFlow, type NodeData } from './flow';

describe('canvas and API shapes', () => {
  const w = workflow(
    [
      { id: 'a', workflow_id: 'w', type: 'TEXT_INPUT', name: 'A', config: { value: 'x' }, position_x: 1, position_y: 2, has_breakpoint: true, created_at: '', updated_at: '' },
      { id: 'b', workflow_id: 'w', type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/dev', parameters: { num_images: 2 } }, position_x: 3, position_y: 4, has_breakpoint: false, created_at: '', updated_at: '' },
    ],
    [{ id: 'e', workflow_id: 'w', source_node_id: 'a', target_node_id: 'b', source_handle: 'text', target_handle: null, created_at: '' }],
  );

  it('round-trips a workflow through the canvas into the PUT body, typed by node type', () => {
    const f = toFlow(w);
    expect(f.nodes.every((n) => n.type === FLOW_NODE)).toBe(true);
    const model = f.nodes[1].data;
    if (model.type !== 'IMAGE_MODEL') throw new Error('expected the image model');
    expect(model.config.parameters?.num_images).toBe(2);
    const back = fromFlow(f.nodes, f.edges);
    expect(back.nodes).toEqual([
      { id: 'a', type: 'TEXT_INPUT', name: 'A', config: { value: 'x' }, position_x: 1, position_y: 2, has_breakpoint: true },
      { id: 'b', type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/dev', parameters: { num_images: 2 } }, position_x: 3, position_y: 4, has_breakpoint: false },
    ]);
    // The edge keeps its id; an unset handle is left out rather than sent as null.
    expect(back.edges).toStrictEqual([{ id: 'e', source_node_id: 'a', target_node_id: 'b', source_handle: 'text' }]);
  });

  it('rounds positions and reads a missing config as empty', () => {
    const f = toFlow(workflow([{ id: 'a', workflow_id: 'w', type: 'OUTPUT', name: 'O', config: null, position_x: 0, position_y: 0, has_breakpoint: false, created_at: '', updated_at: '' }]));
    f.nodes[0].position = { x: 10.6, y: -3.2 };
    expect(fromFlow(f.nodes, [])).toMatchObject({ nodes: [{ config: {}, position_x: 11, position_y: -3 }], edges: [] });
  });

  it('gives each node type its generated config type', () => {
    expectTypeOf<NodeConfig<'PROMPT'>>().toEqualTypeOf<components['schemas']['PromptConfig']>();
    expectTypeOf<Extract<NodeData, { type: 'OUTPUT' }>['config']>().toEqualTypeOf<Partial<components['schemas']['OutputConfig']>>();
    // Every registered node type has a config schema named after it; if this fails, the backend named one differently.
    expectTypeOf<Exclude<ConfigName<NodeType>, keyof components['schemas']>>().toBeNever();
  });
});
