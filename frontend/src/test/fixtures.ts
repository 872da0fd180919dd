import type { Execution, NodeSpec, Workflow } from '../api/types';

/** workflow makes an API workflow with the given graph. */
export function workflow(nodes: Workflow['nodes'] = [], edges: Workflow['edges'] = []): Workflow {
  return { id: 'w', user_id: 'u', name: 'w', description: null, is_active: true, created_at: '', updated_at: '', version: 1, nodes, edges };
}

/** execution makes a running execution with no node states yet. */
export function execution(id = 'x'): Execution {
  return {
    id, workflow_id: 'w', status: 'RUNNING', total_cost: null, error_message: null, started_at: '', finished_at: null,
    step_mode: false, current_node_id: null, node_executions: null, generations: null, finals: null,
  };
}

/** imageModelSpec is IMAGE_MODEL's catalog entry, cut down: two models with their own ranges. */
export const imageModelSpec: NodeSpec = {
  type: 'IMAGE_MODEL', label: 'Image model', description: 'Generates images.', icon: 'sparkles',
  inputs: [{ name: 'prompt', label: 'Prompt', kind: 'text', required: true, accepts: ['text', 'data'] }],
  outputs: [{ name: 'image_urls', label: 'Images', kind: 'images' }],
  open_inputs: false, defaults: { model: 'fal-ai/flux/schnell' },
  config_schema: {
    type: 'object',
    'x-order': ['model', 'parameters'],
    properties: {
      model: { type: 'string', title: 'Model', enum: ['fal-ai/flux/schnell', 'fal-ai/flux/dev'], default: 'fal-ai/flux/schnell' },
      parameters: {
        type: 'object', title: 'Parameters', 'x-order': ['num_images', 'seed', 'negative_prompt'],
        properties: {
          seed: { type: 'integer', title: 'Seed', minimum: 0 },
          negative_prompt: { type: 'string', title: 'Negative prompt', 'x-ui': 'multiline' },
          num_images: { type: 'integer', title: 'Images', minimum: 1, maximum: 8 },
        },
      },
    },
    'x-models': [
      { id: 'fal-ai/flux/schnell', label: 'FLUX schnell', blurb: 'fast', text_to_image: { endpoint: 'fal-ai/flux/schnell', image_size: true,
        params: { num_images: { minimum: 1, maximum: 4, default: 1 }, seed: {} }, price: { unit: 'image', usd: 0.003 } } },
      { id: 'fal-ai/flux/dev', label: 'FLUX dev', blurb: 'detailed',
        text_to_image: { endpoint: 'fal-ai/flux/dev', image_size: true, params: { num_images: { minimum: 1, maximum: 4 } }, price: { unit: 'image', usd: 0.025 } },
        image_to_image: { endpoint: 'fal-ai/flux/dev/image-to-image', image_size: false, params: { num_images: { minimum: 1, maximum: 2 } }, price: { unit: 'image', usd: 0.025 } } },
    ],
  },
};
