import dagre from '@dagrejs/dagre';
import type { Point, Rect } from './placement';

/** LayoutEdge is what the layout needs of an edge: which node feeds which. */
export type LayoutEdge = { source: string; target: string };

/**
 * arrange lays a graph out left to right, as data flows: each node in the
 * column after the nodes that feed it, crossings kept few. It returns each
 * node's new top-left corner, the whole layout starting where the graph's top
 * left corner was, so Arrange tidies the graph in place.
 *
 * It uses dagre rather than elkjs: dagre's layered (Sugiyama) layout is what a
 * small left-to-right DAG needs, it runs synchronously in a few milliseconds,
 * and it is about 50 kB, where elkjs is a ~1.5 MB translation of Java meant
 * for a web worker, whose extra power (port constraints, orthogonal edge
 * routing, compound graphs) these graphs of a handful of nodes do not use.
 */
export function arrange(nodes: (Rect & { id: string })[], edges: LayoutEdge[]): Record<string, Point> {
  if (nodes.length === 0) return {};
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 32, ranksep: 56 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const left = Math.min(...nodes.map((n) => n.x));
  const top = Math.min(...nodes.map((n) => n.y));
  const laid = nodes.map((n) => {
    const p = g.node(n.id);
    // dagre places centres; React Flow positions top-left corners.
    return { id: n.id, x: (p.x ?? 0) - n.width / 2, y: (p.y ?? 0) - n.height / 2 };
  });
  const dx = left - Math.min(...laid.map((p) => p.x));
  const dy = top - Math.min(...laid.map((p) => p.y));
  return Object.fromEntries(laid.map((p) => [p.id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) }]));
}
