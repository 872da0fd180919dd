import { ControlButton, Controls, MiniMap, useStore } from '@xyflow/react';
import { Maximize, Workflow } from 'lucide-react';
import { useCallback } from 'react';
import { useGraph } from '../../stores/graph';
import { arrange } from './layout';
import type { Refit } from './useRefitOnResize';
import { rectOf } from './placement';

/**
 * OVERLAYS are the canvas corners the controls and the minimap cover, in
 * screen pixels from the bottom corners: new nodes are not placed under them.
 */
export const OVERLAYS = { controls: { width: 230, height: 50 }, minimap: { width: 176, height: 126 } };

/** MINIMAP_MIN is the smallest canvas that shows the minimap; on a smaller one (1280×800 with the results open) it would cover the nodes it maps. */
const MINIMAP_MIN = { width: 640, height: 560 };

/** showsMinimap says whether a canvas of this size (screen pixels) is large enough for the minimap. */
export function showsMinimap(width: number, height: number): boolean {
  return width >= MINIMAP_MIN.width && height >= MINIMAP_MIN.height;
}

/** useArrange returns a function that lays the graph out left to right (one undo step) and fits the view to it. */
export function useArrange(fit: Refit['fit']): () => void {
  return useCallback(() => {
    const { nodes, edges, moveNodes } = useGraph.getState();
    if (nodes.length === 0) return;
    moveNodes(arrange(nodes.map((n) => ({ id: n.id, ...rectOf(n) })), edges));
    // Fit once React Flow has taken the new positions.
    requestAnimationFrame(() => fit(300));
  }, [fit]);
}

/**
 * CanvasControls are the zoom controls and Arrange, in a row at the bottom
 * left, and a small minimap at the bottom right (hidden on a small canvas or
 * an empty graph), both out of the top left where new nodes go.
 */
export function CanvasControls({ refit }: { refit: Refit }) {
  const arrangeGraph = useArrange(refit.fit);
  const hasNodes = useGraph((s) => s.nodes.length > 0);
  const minimap = useStore((s) => showsMinimap(s.width, s.height));
  return (
    <>
      <Controls orientation="horizontal" showInteractive={false} showFitView={false} aria-label="Canvas controls">
        <ControlButton onClick={() => refit.fit(200)} disabled={!hasNodes} title="Fit the graph to the view" aria-label="Fit the graph to the view" data-testid="fit-view">
          <Maximize />
        </ControlButton>
        <ControlButton className="arrange" onClick={arrangeGraph} disabled={!hasNodes} title="Arrange the graph left to right" aria-label="Arrange the graph left to right" data-testid="arrange">
          <Workflow /> Arrange
        </ControlButton>
      </Controls>
      {minimap && hasNodes && (
        <MiniMap pannable zoomable ariaLabel="Minimap of the workflow" style={{ width: OVERLAYS.minimap.width - 16, height: OVERLAYS.minimap.height - 16 }}
          nodeBorderRadius={6} maskColor="rgba(241, 245, 249, 0.7)" />
      )}
    </>
  );
}
