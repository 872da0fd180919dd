/** FALLBACK_PLACEMENT is where a layout is previewed when no Output it feeds names a placement. */
export const FALLBACK_PLACEMENT = 'meta_feed_square';

/** GraphView is the part of the canvas previewPlacements reads: nodes with their type and config, and edges. */
type GraphView = {
  nodes: { id: string; data: { type: string; config: object } }[];
  edges: { source: string; target: string }[];
};

/**
 * previewPlacements lists where an Ad layout node will be drawn: the
 * placements of the Outputs it feeds, each once, in the order met. With
 * none (it feeds no Output yet, or only Outputs at a plain ratio) it is
 * previewed at FALLBACK_PLACEMENT.
 */
export function previewPlacements(layoutId: string, g: GraphView): string[] {
  const fed = new Set(g.edges.filter((e) => e.source === layoutId).map((e) => e.target));
  const out: string[] = [];
  for (const n of g.nodes) {
    if (!fed.has(n.id) || n.data.type !== 'OUTPUT') continue;
    const list = (n.data.config as { placements?: unknown }).placements;
    if (!Array.isArray(list)) continue;
    for (const id of list) if (typeof id === 'string' && !out.includes(id)) out.push(id);
  }
  return out.length > 0 ? out : [FALLBACK_PLACEMENT];
}
