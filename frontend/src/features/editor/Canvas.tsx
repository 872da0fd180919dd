import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo } from 'react';
import { canConnect, useCatalog } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { addFromSpec } from './addNode';
import { nodeTypes } from './nodes';

const invalidEdge = { stroke: '#dc2626', strokeWidth: 2 };

/** onSelectionChange keeps the store's selected node in step with React Flow's selection. */
const onSelectionChange = ({ nodes }: { nodes: { id: string }[] }) => useGraph.getState().select(nodes[0]?.id ?? null);

/** Canvas is the React Flow graph: nodes, edges (red with their error when the server refused them), drops from the palette. */
export function Canvas({ loading }: { loading: boolean }) {
  const nodes = useGraph((s) => s.nodes);
  const edges = useGraph((s) => s.edges);
  const onNodesChange = useGraph((s) => s.onNodesChange);
  const onEdgesChange = useGraph((s) => s.onEdgesChange);
  const connect = useGraph((s) => s.connect);
  const edgeErrors = useProblems((s) => s.errors.edges);
  const { byType } = useCatalog();
  const flow = useReactFlow();

  const shownEdges = useMemo(
    () => edges.map((e) => (edgeErrors[e.id] ? { ...e, label: edgeErrors[e.id], style: invalidEdge, ariaLabel: edgeErrors[e.id] } : e)),
    [edges, edgeErrors],
  );
  const isValid = useCallback((c: Connection | Edge) => {
    const all = useGraph.getState().nodes;
    const src = all.find((n) => n.id === c.source);
    const dst = all.find((n) => n.id === c.target);
    if (!src || !dst || src.id === dst.id) return false;
    const out = byType[src.data.type]?.outputs?.find((p) => p.name === c.sourceHandle)?.kind;
    const into = byType[dst.data.type]?.inputs?.find((p) => p.name === c.targetHandle)?.kind;
    return canConnect(out, into, byType[dst.data.type]?.open_inputs ?? false);
  }, [byType]);

  return (
    <main className="relative flex-1" onDragOver={(e) => e.preventDefault()} onDrop={(e) => {
      const spec = byType[e.dataTransfer.getData('application/visualadgen-node')];
      if (!spec) return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addFromSpec(spec, p.x, p.y);
    }}>
      {nodes.length === 0 && !loading && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center text-center text-sm text-slate-500">
          <p>Empty workflow. Drag nodes in from the left,<br />connect them, and press Run.</p>
        </div>
      )}
      <ReactFlow nodes={nodes} edges={shownEdges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={connect} isValidConnection={isValid} onSelectionChange={onSelectionChange}
        deleteKeyCode={['Delete', 'Backspace']} fitView fitViewOptions={{ maxZoom: 1 }} minZoom={0.2} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </main>
  );
}
