import { useCallback, useState } from 'react';

/** read returns a flag saved in localStorage, or the fallback when there is none or storage is unavailable. */
function read(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === 'true';
  } catch {
    return fallback;
  }
}

/**
 * usePersistentFlag is a boolean state remembered in localStorage under key
 * (a panel left open or collapsed stays so on the next visit).
 */
export function usePersistentFlag(key: string, fallback: boolean): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback((v: boolean) => {
    setValue(v);
    try {
      localStorage.setItem(key, String(v));
    } catch {
      // Private browsing may refuse storage: the flag then lasts for the page only.
    }
  }, [key]);
  return [value, set];
}
