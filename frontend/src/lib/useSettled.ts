import { useEffect, useState } from 'react';

/** useSettled is value once it has stayed the same for ms: a burst of edits is acted on once, after its last. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
