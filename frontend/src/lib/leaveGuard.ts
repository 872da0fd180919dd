import { useEffect } from 'react';

/** guards are the reasons not to leave the page now (unsaved changes), newest last. */
const guards: string[] = [];

/** leaveMessage is why leaving the page would lose something, or null when nothing would be lost. */
export function leaveMessage(): string | null {
  return guards.at(-1) ?? null;
}

/** beforeUnload asks the browser to confirm a reload or close while something would be lost. */
function beforeUnload(e: BeforeUnloadEvent) {
  if (leaveMessage()) e.preventDefault();
}

/**
 * useLeaveGuard holds message as a reason not to leave while it is set: the
 * app's own links ask first (see useHashRoute), and a reload or close of the
 * tab gets the browser's own question.
 */
export function useLeaveGuard(message: string | null) {
  useEffect(() => {
    if (!message) return;
    guards.push(message);
    if (guards.length === 1) window.addEventListener('beforeunload', beforeUnload);
    return () => {
      guards.splice(guards.lastIndexOf(message), 1);
      if (guards.length === 0) window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [message]);
}
