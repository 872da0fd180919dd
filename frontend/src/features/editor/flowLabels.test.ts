import { describe, expect, it } from 'vitest';
import { imageModelSpec } from '../../test/fixtures';
import { edgeLabel, nodeLabel } from './flowLabels';

describe('accessible names', () => {
  it('names a node by type, name and status in words', () => {
    expect(nodeLabel({ name: 'FLUX dev', typeLabel: 'Image model', status: 'RUNNING' })).toBe('Image model: FLUX dev, running');
    expect(nodeLabel({ name: 'Prompt', typeLabel: 'Prompt' })).toBe('Prompt');
    expect(nodeLabel({ name: 'Output', typeLabel: 'Output', status: 'PAUSED', breakpoint: true, problems: true }))
      .toBe('Output, paused, pauses before running (breakpoint), has problems to fix');
  });

  it('names an edge by the nodes it joins, the input when there are several, and its error', () => {
    expect(edgeLabel('Prompt', 'Image model', imageModelSpec, 'prompt')).toBe('Edge from Prompt to Image model');
    const twoInputs = { ...imageModelSpec, inputs: [...(imageModelSpec.inputs ?? []), { name: 'image_url', label: 'Image', kind: 'image' as const, accepts: ['image' as const] }] };
    expect(edgeLabel('Photo', 'Image model', twoInputs, 'image_url')).toBe('Edge from Photo to Image model (Image input)');
    expect(edgeLabel('A', 'B', undefined, null, 'duplicate edge')).toBe('Edge from A to B: duplicate edge');
  });
});
