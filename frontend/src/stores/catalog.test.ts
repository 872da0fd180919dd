import { describe, expect, it } from 'vitest';
import type { InputPort } from '../api/types';
import { canConnect } from './catalog';

/** input is a catalog input port taking the given kinds. */
const input = (kind: InputPort['kind'], accepts: InputPort['accepts']): InputPort => ({ name: 'in', label: 'In', kind, accepts });

describe('canConnect', () => {
  it('follows what the catalog says an input accepts', () => {
    expect(canConnect('images', input('images', ['image', 'images']))).toBe(true);
    expect(canConnect('text', input('images', ['image', 'images']))).toBe(false);
    expect(canConnect('data', input('text', ['text', 'data']))).toBe(true);
    // A node with open inputs: the catalog says each takes every kind.
    expect(canConnect('images', input('data', ['text', 'image', 'images', 'data', 'layout']))).toBe(true);
    // A handle the catalog does not list (an open input's variable) takes anything.
    expect(canConnect('images', undefined)).toBe(true);
  });
});
