import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api/client';
import type { SavedGraph } from '../../api/types';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { workflow } from '../../test/fixtures';
import { saveCanvas } from './saveCanvas';

vi.mock('../../api/client', async (real) => ({ ...(await real<typeof import('../../api/client')>()), api: { saveGraph: vi.fn() } }));
const saveGraph = vi.mocked(api.saveGraph);

/** saved is the PUT answer at version v with warnings. */
const saved = (v: number, warnings: SavedGraph['warnings'] = []): SavedGraph => ({ ...workflow(), version: v, warnings });

describe('saveCanvas', () => {
  beforeEach(() => {
    saveGraph.mockReset();
    useGraph.getState().load({ ...workflow(), version: 2 });
    useProblems.getState().clear();
  });

  it('sends the version it loaded, then the one it saved', async () => {
    useGraph.getState().addNode('TEXT_INPUT', 'Text', { value: 'x' }, 0, 0);
    saveGraph.mockResolvedValueOnce(saved(3));
    expect((await saveCanvas('w')).kind).toBe('saved');
    expect(saveGraph.mock.calls[0][1].version).toBe(2);
    expect(useGraph.getState()).toMatchObject({ version: 3, dirty: false });
    saveGraph.mockResolvedValueOnce(saved(4));
    await saveCanvas('w');
    expect(saveGraph.mock.calls[1][1].version).toBe(3);
  });

  it('reports a stale save as a conflict, and overwrites without a version', async () => {
    useGraph.getState().addNode('TEXT_INPUT', 'Text', { value: 'x' }, 0, 0);
    const message = 'this workflow was saved elsewhere since you opened it (it is at version 3, yours is 2): reload it, or save again to overwrite';
    saveGraph.mockRejectedValueOnce(new ApiError(message, 409));
    expect(await saveCanvas('w')).toEqual({ kind: 'conflict', message });
    expect(useGraph.getState().dirty).toBe(true);
    saveGraph.mockResolvedValueOnce(saved(4));
    expect((await saveCanvas('w', true)).kind).toBe('saved');
    expect(saveGraph.mock.calls[1][1]).not.toHaveProperty('version');
    expect(useGraph.getState().version).toBe(4);
  });

  it('shows the save\'s warnings on the nodes, and hands back a refusal with the body sent', async () => {
    const id = useGraph.getState().addNode('PROMPT', 'Prompt', { template: '{{city}}' }, 0, 0);
    saveGraph.mockResolvedValueOnce(saved(3, [{ location: 'body.nodes[0].config.template', message: 'no connected node provides {{city}}' }]));
    await saveCanvas('w');
    expect(useProblems.getState().warnings.nodes[id].fields).toEqual({ template: 'no connected node provides {{city}}' });
    saveGraph.mockRejectedValueOnce(new ApiError('validation failed', 422, [{ location: 'body.nodes[0].name', message: 'expected length >= 1' }]));
    const r = await saveCanvas('w');
    expect(r.kind === 'failed' && r.body.nodes?.[0].id).toBe(id);
  });
});
