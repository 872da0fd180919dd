import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
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
 * useRefitOnResize fits the view again when the canvas shrinks (the results
 * panel opens as a run starts, the notice appears, a side panel expands)
 * and the whole graph, seen before, no longer is; a view the user zoomed
 * into a part of is left alone. Resizes in quick succession count as one.
 * Call it inside a ReactFlowProvider.
 */
export function useRefitOnResize() {
  const flow = useReactFlow<FlowNode>();
  const store = useStoreApi<FlowNode>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    /** graph is the whole graph's bounds, in flow coordinates. */
    const graph = () => flow.getNodesBounds([...store.getState().nodeLookup.keys()]);
    const unsubscribe = store.subscribe((s, prev) => {
      if ((s.width === prev.width && s.height === prev.height) || prev.width === 0 || prev.height === 0 || s.nodeLookup.size === 0) return;
      if (!pending && !contains(visibleArea(prev.width, prev.height, prev.transform), graph())) return;
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        pending = false;
        const now = store.getState();
        if (!contains(visibleArea(now.width, now.height, now.transform), graph())) flow.fitView({ ...FIT_VIEW, duration: 200 });
      }, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [flow, store]);
}
