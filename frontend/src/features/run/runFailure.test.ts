import { describe, expect, it } from 'vitest';
import { execution } from '../../test/fixtures';
import type { NodeState } from '../../stores/runFold';
import { runFailure } from './runFailure';

describe('runFailure', () => {
  const failed = { ...execution('x'), status: 'FAILED', error_message: 'node "Flux" failed: FAL refused the prompt\nstack' };
  const nodes: Record<string, NodeState> = {
    flux: { id: '', execution_id: 'x', node_id: 'flux', status: 'FAILED', input_data: null, output_data: null, error_message: 'refused', queued_at: null, started_at: null, finished_at: null, reused_from: null },
  };

  it('tells a failed run\'s error (its first line) while the failed node is on the canvas', () => {
    expect(runFailure(failed, nodes, new Set(['flux']))).toBe('The run failed: node "Flux" failed: FAL refused the prompt.');
  });

  it('says nothing once the failed node is deleted, nor for a run that did not fail', () => {
    expect(runFailure(failed, nodes, new Set(['other']))).toBe('');
    expect(runFailure({ ...failed, status: 'COMPLETED' }, nodes, new Set(['flux']))).toBe('');
    expect(runFailure(null, {}, new Set())).toBe('');
  });

  it('keeps a failure no node is blamed for', () => {
    expect(runFailure(failed, {}, new Set())).toContain('The run failed');
  });
});
