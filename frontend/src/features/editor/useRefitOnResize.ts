import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { FlowNode } from '../../stores/flow';
import { useRun } from '../../stores/run';
import { OVERLAYS } from './CanvasControls';
import { contains, type Rect } from './placement';
import { fitViewport } from './viewFit';

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
 * Refit is how the canvas keeps its view fitted: fit (fitViewport's view
 * of the whole graph, remembered as fitted), and onMoveStart for ReactFlow
 * (a pan or zoom of the user's forgets it).
 */
export type Refit = { fit: (duration?: number) => void; onMoveStart: (event: MouseEvent | TouchEvent | null) => void };

/**
 * useRefitOnResize fits the view to the graph again whenever the canvas
 * container changes size (a ResizeObserver on it: the results panel opens,
 * a side panel collapses, the window grows to 1920), when the view was
 * fitted (and not panned or zoomed by the user since) or showed the whole
 * graph; a view the user moved into a part of the graph is left alone.
 * Resizes in quick succession count as one. A fit never zooms out past
 * where node text would draw below 11 px (fitViewport); a graph too wide
 * for that shows its end while a run is on show, else its start. While a refit is
 * waiting or moving, the container carries data-refit="pending", so a
 * test can wait for the view to settle. Call it inside a ReactFlowProvider.
 */
export function useRefitOnResize(container: RefObject<HTMLElement | null>): Refit {
  const flow = useReactFlow<FlowNode>();
  const store = useStoreApi<FlowNode>();
  const fitted = useRef(false);
  const fits = useRef(0);
  const fit = useCallback((duration = 0) => {
    const s = store.getState();
    const el = container.current;
    // The last fit asked for clears the mark once it has had its time (an animation cut short by another never says it ended).
    const mine = ++fits.current;
    const settled = () => mine === fits.current && el && delete el.dataset.refit;
    if (s.nodeLookup.size === 0 || s.width === 0) return void settled();
    fitted.current = true;
    if (el) el.dataset.refit = 'pending';
    // A graph too wide to show whole at a readable zoom is shown from its end while a run is on show (where its results come out), else from its start.
    const anchor = useRun.getState().execution ? 'end' : 'start';
    void flow.setViewport(fitViewport(flow.getNodesBounds([...s.nodeLookup.keys()]), { width: s.width, height: s.height }, anchor), { duration });
    setTimeout(settled, duration + 50);
  }, [flow, store, container]);
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
      el.dataset.refit = 'pending';
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
  return useMemo(() => ({ fit, onMoveStart }), [fit, onMoveStart]);
}
