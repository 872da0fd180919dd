import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { FlowNode } from '../../stores/flow';
import { FIT_VIEW, OVERLAYS } from './CanvasControls';
import { contains, type Rect } from './placement';

/**
 * visibleArea is the part of the canvas (in flow coordinates) where a node
 * is fully seen: the pane less the strip the controls cover at its bottom.
 */
function visibleArea(width: number, height: number, [tx, ty, zoom]: [number, number, number]): Rect {
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: Math.max(0, height - OVERLAYS.controls.height) / zoom };
}

/** SETTLE_MS is how long the canvas size must hold still (a panel opening, the notice appearing) before the view is fitted again. */
const SETTLE_MS = 60;

/**
 * Refit is how the canvas keeps its view fitted: fit (and remember it),
 * fitted (remember a fit made elsewhere: the controls' button), and
 * onMoveStart for ReactFlow (a pan or zoom of the user's forgets it).
 */
export type Refit = { fit: (duration?: number) => void; fitted: () => void; onMoveStart: (event: MouseEvent | TouchEvent | null) => void };

/**
 * useRefitOnResize fits the view to the graph again whenever the canvas
 * container changes size (a ResizeObserver on it: the results panel opens,
 * a side panel collapses, the window grows to 1920), when the view was
 * fitted (and not panned or zoomed by the user since) or showed the whole
 * graph; a view the user moved into a part of the graph is left alone.
 * Resizes in quick succession count as one. Fitting never zooms out past
 * FIT_VIEW's minZoom, so node text stays readable. Call it inside a
 * ReactFlowProvider.
 */
export function useRefitOnResize(container: RefObject<HTMLElement | null>): Refit {
  const flow = useReactFlow<FlowNode>();
  const store = useStoreApi<FlowNode>();
  const fitted = useRef(false);
  const fit = useCallback((duration = 0) => {
    fitted.current = true;
    void flow.fitView({ ...FIT_VIEW, duration });
  }, [flow]);
  const markFitted = useCallback(() => {
    fitted.current = true;
  }, []);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) fitted.current = false; // the user's own pan or zoom, not one of ours
  }, []);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { width: el.clientWidth, height: el.clientHeight };
    let wanted = false;
    const ro = new ResizeObserver(() => {
      const now = { width: el.clientWidth, height: el.clientHeight };
      if (now.width === last.width && now.height === last.height) return;
      const s = store.getState();
      if (s.nodeLookup.size > 0 && last.width > 0 && last.height > 0) {
        const graph = flow.getNodesBounds([...s.nodeLookup.keys()]);
        wanted ||= fitted.current || contains(visibleArea(last.width, last.height, s.transform), graph);
      }
      last = now;
      if (!wanted) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        wanted = false;
        fit(200);
      }, SETTLE_MS);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(timer);
    };
  }, [container, flow, store, fit]);
  return useMemo(() => ({ fit, fitted: markFitted, onMoveStart }), [fit, markFitted, onMoveStart]);
}
