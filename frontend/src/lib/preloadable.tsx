import { lazy, useState, type ComponentType } from 'react';

/** Preloadable is a component whose code loads when first shown, or earlier when asked (preload). */
export type Preloadable<P> = { Component: ComponentType<P>; preload: () => Promise<ComponentType<P>> };

/**
 * preloadable makes a code-split component from load: its code is fetched
 * when it is first shown (suspending, as React.lazy does), or earlier, when
 * preload is called (say, at start-up, when the address already names the
 * page). Shown once its code is in, it renders at once, without a
 * suspended render and the fallback's frame first. Each instance keeps the
 * component it began with, so it never remounts.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  // A load that failed is tried again the next time.
  const preload = () => (pending ??= load().then((c) => (loaded = c), (e: unknown) => {
    pending = null;
    throw e;
  }));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  /** Component renders the loaded component, or the lazy one until its code is in. */
  function Component(props: P) {
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { Component, preload };
}
