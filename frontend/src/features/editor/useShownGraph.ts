import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { RunStatus } from '../../api/types';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../stores/catalog';
import type { FlowNode } from '../../stores/flow';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { edgeLabel, nodeLabel } from './flowLabels';

const invalidEdge = { stroke: '#dc2626', strokeWidth: 2 };

/**
 * busy are the live statuses of a node taking in its inputs: the edges into it
 * animate. The API has no queued node status (a node's queued_at is a time):
 * a queued node is RUNNING.
 */
const busy = new Set<string>(['RUNNING'] satisfies RunStatus[]);

/**
 * useShownGraph returns the graph as the canvas draws it: nodes and edges
 * with accessible names in words (names, status), edges into a running node
 * animated, and edges the server refused in red with its reason.
 */
export function useShownGraph(): { nodes: FlowNode[]; edges: Edge[] } {
  const nodes = useGraph((s) => s.nodes);
  const edges = useGraph((s) => s.edges);
  const edgeErrors = useProblems((s) => s.errors.edges);
  const nodeErrors = useProblems((s) => s.errors.nodes);
  const nodeWarnings = useProblems((s) => s.warnings.nodes);
  const status = useRun(useShallow((s) => Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, n.status]))));
  const { byType } = useCatalog();

  const shownNodes = useMemo(() => nodes.map((n) => ({
    ...n,
    ariaLabel: nodeLabel({
      name: n.data.name, typeLabel: byType[n.data.type]?.label ?? n.data.type, status: status[n.id],
      breakpoint: n.data.has_breakpoint, problems: !!nodeErrors[n.id], warnings: !!nodeWarnings[n.id],
    }),
  })), [nodes, byType, status, nodeErrors, nodeWarnings]);

  const shownEdges = useMemo(() => {
    const name = new Map(nodes.map((n) => [n.id, n.data.name]));
    const type = new Map(nodes.map((n) => [n.id, n.data.type]));
    return edges.map((e) => {
      const error = edgeErrors[e.id];
      const ariaLabel = edgeLabel(name.get(e.source) ?? '?', name.get(e.target) ?? '?', byType[type.get(e.target) ?? ''], e.targetHandle, error);
      const animated = busy.has(status[e.target] ?? '');
      return error ? { ...e, ariaLabel, animated, label: error, style: invalidEdge } : { ...e, ariaLabel, animated };
    });
  }, [nodes, edges, edgeErrors, byType, status]);

  return { nodes: shownNodes, edges: shownEdges };
}
