import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { NodeSpec } from '../../api/types';
import type { FlowNode } from '../../stores/flow';
import { useGraph } from '../../stores/graph';
import { addFromSpec } from './addNode';
import { OVERLAYS, showsMinimap } from './CanvasControls';
import { contains, NEW_NODE, placeInView, placeNear, rectOf, type Point, type Rect } from './placement';

/** overlaysIn are the parts of the view the controls and the minimap cover, in flow coordinates. */
function overlaysIn(view: Rect, zoom: number, minimap: boolean): Rect[] {
  const { controls, minimap: map } = OVERLAYS;
  const bottom = view.y + view.height;
  const out = [{ x: view.x, y: bottom - controls.height / zoom, width: controls.width / zoom, height: controls.height / zoom }];
  if (minimap) out.push({ x: view.x + view.width - map.width / zoom, y: bottom - map.height / zoom, width: map.width / zoom, height: map.height / zoom });
  return out;
}

/**
 * useAddNode returns add(spec, dropAt?): it adds a node where it covers no
 * other node nor the canvas controls (beside the selected node or in the
 * first free spot of the visible canvas; for a drop, the free spot nearest
 * the pointer), then pans the view when the node landed outside it. Call it
 * inside a ReactFlowProvider.
 */
export function useAddNode(): (spec: NodeSpec, dropAt?: Point) => string {
  const flow = useReactFlow<FlowNode>();
  const store = useStoreApi<FlowNode>();
  return useCallback((spec, dropAt) => {
    const { width, height, transform: [tx, ty, zoom] } = store.getState();
    // Before React Flow has measured its pane, take a modest canvas at the origin.
    const view: Rect = width > 0 ? { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom } : { x: 0, y: 0, width: 800, height: 500 };
    const { nodes, selected } = useGraph.getState();
    const taken = nodes.map(rectOf);
    const after = nodes.find((n) => n.id === selected);
    const p = dropAt
      ? placeNear({ x: dropAt.x - NEW_NODE.width / 2, y: dropAt.y - 16 }, NEW_NODE, taken)
      : placeInView(view, NEW_NODE, [...taken, ...overlaysIn(view, zoom, showsMinimap(width, height))], after && rectOf(after));
    const id = addFromSpec(spec, Math.round(p.x), Math.round(p.y));
    if (!contains(view, { ...p, ...NEW_NODE })) {
      flow.setCenter(p.x + NEW_NODE.width / 2, p.y + NEW_NODE.height / 2, { zoom, duration: 300 });
    }
    return id;
  }, [flow, store]);
}
