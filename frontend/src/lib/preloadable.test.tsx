import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { preloadable } from './preloadable';

/** Hello is the code-split component of the tests. */
function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('preloadable', () => {
  it('loads its code once, and shows it without the fallback once preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Hello));
    const { Component, preload } = preloadable(load);
    await preload();
    await preload();
    render(<Suspense fallback={<p>Loading…</p>}><Component name="you" /></Suspense>);
    expect(screen.getByText('Hello you')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('suspends until its code is in when shown first', async () => {
    const { Component } = preloadable(() => Promise.resolve(Hello));
    render(<Suspense fallback={<p>Loading…</p>}><Component name="there" /></Suspense>);
    expect(await screen.findByText('Hello there')).toBeTruthy();
  });
});
