import { describe, expect, it } from 'vitest';
import { fetchHealth } from './health';

describe('fetchHealth', () => {
  it('reports up and ready from the two endpoints', async () => {
    const fake = (async (path: string) => new Response('{}', { status: path.endsWith('readyz') ? 503 : 200 })) as typeof fetch;
    expect(await fetchHealth(fake)).toEqual({ up: true, ready: false });
  });
  it('reports down when the backend cannot be reached', async () => {
    const fake = (async () => {
      throw new TypeError('network');
    }) as typeof fetch;
    expect(await fetchHealth(fake)).toEqual({ up: false, ready: false });
  });
});
