import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useGraph } from '../../stores/graph';
import { useRun } from '../../stores/run';
import { execution, imageModelSpec, workflow } from '../../test/fixtures';
import { useShownGraph } from './useShownGraph';

/** wrapper provides the catalog (the image model only) as the canvas would have it. */
function wrapper({ children }: { children: ReactNode }) {
  const qc = new QueryClient();
  qc.setQueryData(['node-types'], { node_types: [imageModelSpec] });
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}

/** node is a saved node of the workflow fixture. */
const node = (id: string, type: 'TEXT_INPUT' | 'IMAGE_MODEL', name: string) => ({
  id, workflow_id: 'w', type, name, config: {}, position_x: 0, position_y: 0, has_breakpoint: false, created_at: '', updated_at: '',
});

describe('useShownGraph', () => {
  afterEach(() => useRun.getState().setExecution(null));

  it('names nodes and edges in words and animates the edges into a running node', () => {
    useGraph.getState().load(workflow([node('t', 'TEXT_INPUT', 'Brief'), node('m', 'IMAGE_MODEL', 'FLUX dev')], [
      { id: 'e', workflow_id: 'w', source_node_id: 't', target_node_id: 'm', source_handle: 'text', target_handle: 'prompt', created_at: '' },
    ]));
    const { result } = renderHook(() => useShownGraph(), { wrapper });
    expect(result.current.nodes.map((n) => n.ariaLabel)).toEqual(['TEXT_INPUT: Brief', 'Image model: FLUX dev']);
    expect(result.current.edges[0]).toMatchObject({ ariaLabel: 'Edge from Brief to FLUX dev', animated: false });

    const x = execution();
    x.node_executions = [{ id: '1', execution_id: x.id, node_id: 'm', status: 'RUNNING', input_data: null, output_data: null, error_message: null, queued_at: null, started_at: null, finished_at: null, reused_from: null }];
    useRun.getState().setExecution(x);
    const { result: running } = renderHook(() => useShownGraph(), { wrapper });
    expect(running.current.edges[0].animated).toBe(true);
    expect(running.current.nodes[1].ariaLabel).toBe('Image model: FLUX dev, running');
  });
});
