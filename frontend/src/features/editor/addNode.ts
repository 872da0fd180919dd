import type { NodeConfig, NodeSpec, NodeType } from '../../api/types';
import { useGraph } from '../../stores/graph';

/**
 * addFromSpec adds a node of a catalog type with the catalog's defaults, named
 * after the type ("Prompt 2" for the second), at (x, y) or the next grid cell.
 */
export function addFromSpec(spec: NodeSpec, x?: number, y?: number): string {
  const g = useGraph.getState();
  const count = g.nodes.filter((n) => n.data.type === spec.type).length;
  const n = g.nodes.length;
  // The catalog is where node types and their defaults come from; its type is one of NodeType.
  return g.addNode(spec.type as NodeType, count ? `${spec.label} ${count + 1}` : spec.label, structuredClone(spec.defaults) as Partial<NodeConfig>,
    x ?? 40 + (n % 4) * 300, y ?? 60 + Math.floor(n / 4) * 180 + (n % 2) * 60);
}
