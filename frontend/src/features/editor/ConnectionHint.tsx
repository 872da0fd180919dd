import { useConnection } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCatalog } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { refusal, type Link } from './connection';

/** HandleEnd is one end of a connection being drawn, as React Flow reports it. */
type HandleEnd = { nodeId: string; id?: string | null; type: 'source' | 'target' };

/**
 * linkOf turns the two ends of a drawn connection into output → input,
 * whichever end the drag started from; null when both ends are of one side.
 */
export function linkOf(from: HandleEnd, to: HandleEnd): Link | null {
  if (from.type === to.type) return null;
  const [src, dst] = from.type === 'source' ? [from, to] : [to, from];
  return { source: src.nodeId, sourceHandle: src.id ?? null, target: dst.nodeId, targetHandle: dst.id ?? null };
}

/** useRefusalReason returns why the connection between two ends is refused, or null; it reads the graph as it is now. */
export function useRefusalReason(): (from: HandleEnd, to: HandleEnd) => string | null {
  const { byType } = useCatalog();
  return useCallback((from, to) => {
    const link = linkOf(from, to);
    if (!link) return 'connect an output (right side) to an input (left side)';
    const { nodes, edges } = useGraph.getState();
    return refusal(link, { nodes, edges, byType });
  }, [byType]);
}

/** useFlash holds a message for a few seconds: why the last connection was refused, after the pointer let go. */
export function useFlash(ms = 4000): [string | null, (msg: string | null) => void] {
  const [msg, setMsg] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const flash = useCallback((m: string | null) => {
    clearTimeout(timer.current);
    setMsg(m);
    if (m) timer.current = setTimeout(() => setMsg(null), ms);
  }, [ms]);
  return [msg, flash];
}

/**
 * ConnectionHint says, above the canvas, why the connection being drawn
 * cannot end on the port under the pointer ("Prompt's output is text; …"),
 * and after a refused drop, why it was refused (last).
 */
export function ConnectionHint({ last }: { last: string | null }) {
  const c = useConnection();
  const reasonOf = useRefusalReason();
  const now = c.inProgress && c.toHandle && c.isValid === false ? reasonOf(c.fromHandle, c.toHandle) : null;
  const msg = now ?? (c.inProgress ? null : last);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 top-2 z-20 flex justify-center px-4">
      {msg && (
        <p className="max-w-xl rounded-md border border-red-200 bg-white/95 px-3 py-1.5 text-center text-xs text-red-700 shadow" data-testid="connection-hint">
          Can't connect: {msg}
        </p>
      )}
    </div>
  );
}
