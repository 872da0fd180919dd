import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeSpec } from '../../../api/types';
import { FLOW_NODE, type FlowNode, type NodeData } from '../../../stores/flow';
import { useProblems } from '../../../stores/problems';
import { useRun } from '../../../stores/run';
import { imageModelSpec } from '../../../test/fixtures';
import { WorkflowNode } from './WorkflowNode';

/** watermark is a node type the frontend has never heard of: it must still draw from the catalog alone. */
const watermark: NodeSpec = {
  type: 'WATERMARK', label: 'Watermark', description: 'Stamps a logo.', icon: 'stamp', inputs: [], outputs: [], open_inputs: false,
  defaults: { opacity: 0.5 },
  config_schema: { type: 'object', 'x-order': ['text', 'opacity'], properties: { opacity: { type: 'number', title: 'Opacity' }, text: { type: 'string', title: 'Text' } } },
};

/** show renders one node the way React Flow would, with the given catalog loaded. */
function show(id: string, data: NodeData) {
  const qc = new QueryClient();
  qc.setQueryData(['node-types'], { node_types: [watermark, imageModelSpec] });
  const props = { id, type: FLOW_NODE, data, selected: false } as NodeProps<FlowNode>;
  return render(
    <QueryClientProvider client={qc}>
      <ReactFlowProvider>
        <WorkflowNode {...props} />
      </ReactFlowProvider>
    </QueryClientProvider>,
  );
}

describe('WorkflowNode', () => {
  afterEach(() => {
    cleanup();
    useProblems.getState().clear();
    useRun.getState().setEstimates({});
  });

  it('draws a node type without a custom body from its catalog entry', () => {
    show('w1', { type: 'WATERMARK', name: 'Logo', config: { text: '© Acme' }, has_breakpoint: false } as unknown as NodeData);
    const node = screen.getByTestId('node-Logo');
    expect(node.textContent).toContain('Text: © Acme · Opacity: 0.5');
    expect(node.textContent).toContain('Watermark');
  });

  it('uses the custom body of a type that has one, with the model\'s label', () => {
    show('m1', { type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/schnell', parameters: { num_images: 2 } }, has_breakpoint: false });
    expect(screen.getByTestId('node-Flux').textContent).toContain('FLUX schnell · 2 image(s)');
  });

  it('shows what the image model will generate and cost, from the estimate', () => {
    useRun.getState().setEstimates({ m1: { node_id: 'm1', cost: 0.006, images: 2, plans: [{ ratio: '4:5', width: 912, height: 1136, images: 2 }], unit: 'megapixel', unit_usd: 0.003, units: 2 } });
    show('m1', { type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/schnell', parameters: { num_images: 2 } }, has_breakpoint: false });
    expect(screen.getByTestId('image-plan').textContent).toBe('FLUX schnell · 2 × 912×1136 · 4:5');
    expect(screen.getByTestId('node-estimate').textContent).toBe('~$0.006');
    expect(screen.getByTestId('node-estimate').title).toContain('2 megapixels × $0.003');
  });

  it('shows the node\'s own errors and counts its settings to fix', () => {
    useProblems.getState().show({ nodes: { m1: { fields: { 'parameters.num_images': 'expected number <= 4' }, node: { 'inputs.prompt': 'connect something to its prompt input', name: 'expected length >= 1' } } }, edges: {}, graph: [] }, 'Not saved');
    show('m1', { type: 'IMAGE_MODEL', name: 'Flux', config: {}, has_breakpoint: false });
    const problems = screen.getByTestId('node-problems');
    expect(problems.textContent).toContain('connect something to its prompt input');
    expect(problems.textContent).toContain('Name: expected length >= 1');
    expect(problems.textContent).toContain('1 setting to fix');
    expect(screen.getByTestId('node-Flux').dataset.invalid).toBe('true');
  });
});
