import { useEffect, useState } from 'react';

/**
 * useNow returns the time in milliseconds, refreshed every interval while
 * ticking is on (a run's or a node's clock); off, it stays where it was.
 */
export function useNow(ticking: boolean, interval = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(t);
  }, [ticking, interval]);
  return now;
}
