import type { NodeConfig, NodeSpec, NodeType } from '../../api/types';
import { useGraph } from '../../stores/graph';

/** DRAG_TYPE is the drag-and-drop data type under which the palette puts the node type it drags. */
export const DRAG_TYPE = 'application/visualadgen-node';

/**
 * addFromSpec adds a node of a catalog type with the catalog's defaults, named
 * after the type ("Prompt 2" for the second), with its top-left corner at (x, y)
 * (see placement.ts for where new nodes go).
 */
export function addFromSpec(spec: NodeSpec, x: number, y: number): string {
  const g = useGraph.getState();
  const count = g.nodes.filter((n) => n.data.type === spec.type).length;
  // The catalog is where node types and their defaults come from; its type is one of NodeType.
  return g.addNode(spec.type as NodeType, count ? `${spec.label} ${count + 1}` : spec.label, structuredClone(spec.defaults) as Partial<NodeConfig>, x, y);
}
