import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('routes', () => {
  it('reads each page from the hash and writes it back', () => {
    expect(parseRoute('#/w/01a2-b3')).toEqual({ page: 'editor', id: '01a2-b3' });
    expect(parseRoute('#/kits')).toEqual({ page: 'kits' });
    expect(parseRoute('#/usage/')).toEqual({ page: 'usage' });
    expect(parseRoute('')).toEqual({ page: 'workflows' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'workflows' });
    for (const hash of ['#/w/x1', '#/kits', '#/usage', '#/']) expect(hrefOf(parseRoute(hash))).toBe(hash);
  });
});
