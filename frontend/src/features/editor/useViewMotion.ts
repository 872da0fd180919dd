import { useCallback, useRef, useState } from 'react';

/**
 * useViewMotion tracks whether the canvas view is panning or zooming, from
 * React Flow's onMoveStart and onMoveEnd (pass both to ReactFlow). It
 * counts the moves under way rather than taking the last event: React Flow
 * reports a move's end a task late, so a pan interrupted by the next one
 * (two nodes added in quick succession) ends after the next has started.
 */
export function useViewMotion(): { moving: boolean; onMoveStart: () => void; onMoveEnd: () => void } {
  const under = useRef(0);
  const [moving, setMoving] = useState(false);
  /** onMoveStart counts a move that began. */
  const onMoveStart = useCallback(() => {
    under.current += 1;
    setMoving(true);
  }, []);
  /** onMoveEnd counts a move that ended; the view is still when none is left. */
  const onMoveEnd = useCallback(() => {
    under.current = Math.max(0, under.current - 1);
    if (under.current === 0) setMoving(false);
  }, []);
  return { moving, onMoveStart, onMoveEnd };
}
