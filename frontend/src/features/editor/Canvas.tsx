import { Background, ConnectionLineType, ReactFlow, useNodesInitialized, useReactFlow, type Connection, type DefaultEdgeOptions, type Edge, type FinalConnectionState } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useCatalog } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { DRAG_TYPE } from './addNode';
import { CanvasControls } from './CanvasControls';
import { refusal, replaced } from './connection';
import { ConnectionHint, useFlash, useRefusalReason } from './ConnectionHint';
import { nodeTypes } from './nodes';
import { useAddNode } from './useAddNode';
import { useRefitOnResize } from './useRefitOnResize';
import { useShownGraph } from './useShownGraph';
import { useViewMotion } from './useViewMotion';

/** edgeOptions draw every edge as right-angled steps, which leave a node's side and go round the nodes between more often than a curve does. */
const edgeOptions: DefaultEdgeOptions = { type: 'smoothstep', pathOptions: { borderRadius: 8, offset: 16 } } as DefaultEdgeOptions;

/**
 * deleteFocusedEdge removes the edge that has the keyboard focus when
 * Delete or Backspace is pressed on it (React Flow itself deletes only
 * selected ones), then moves the focus to the canvas; it returns whether it did.
 */
function deleteFocusedEdge(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key !== 'Delete' && e.key !== 'Backspace') return false;
  const edge = (e.target as Element).closest?.('.react-flow__edge');
  const id = edge?.getAttribute('data-id');
  if (!id) return false;
  useGraph.getState().onEdgesChange([{ type: 'remove', id }]);
  e.currentTarget.focus();
  return true;
}

/** onSelectionChange keeps the store's selected node in step with React Flow's selection. */
const onSelectionChange = ({ nodes }: { nodes: { id: string }[] }) => useGraph.getState().select(nodes[0]?.id ?? null);

/**
 * Canvas is the React Flow graph: nodes and edges (named in words, edges into
 * running nodes animated, refused ones red with their error), drops from the
 * palette, connections checked while drawn (with the reason shown when
 * refused), the controls and the minimap. Edges are drawn as steps; one
 * with the keyboard focus shows a ring and goes with Delete. The view is
 * fitted to each workflow as it opens and again as the canvas changes
 * size (useRefitOnResize). data-view is "moving" while the
 * view pans or zooms (an animated pan to a new node, a refit) and "still"
 * otherwise, so a test can wait for the view to settle.
 */
export function Canvas({ loading }: { loading: boolean }) {
  const { nodes, edges } = useShownGraph();
  const onNodesChange = useGraph((s) => s.onNodesChange);
  const onEdgesChange = useGraph((s) => s.onEdgesChange);
  const { byType } = useCatalog();
  const flow = useReactFlow();
  const add = useAddNode();
  const reasonOf = useRefusalReason();
  const [refused, flashRefused] = useFlash();
  const loadedId = useGraph((s) => s.workflowId);
  const container = useRef<HTMLElement>(null);
  const refit = useRefitOnResize(container);
  const { fit } = refit;
  const motion = useViewMotion();
  const { onMoveStart: moveStarts } = motion;
  const { onMoveStart: userMoves } = refit;
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    userMoves(event);
    moveStarts();
  }, [userMoves, moveStarts]);

  // Fit the view to each workflow as it opens, once its nodes are measured. (Not React
  // Flow's fitView prop: on an empty workflow it would fire at the first node added.)
  const measured = useNodesInitialized();
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!loadedId || fittedFor.current === loadedId) return;
    if (useGraph.getState().nodes.length === 0) fittedFor.current = loadedId;
    else if (measured) {
      fittedFor.current = loadedId;
      fit();
    }
  }, [loadedId, measured, fit]);

  /** graphView is the graph as it is now, with the catalog, for the connection rules. */
  const graphView = useCallback(() => ({ ...useGraph.getState(), byType }), [byType]);
  /** isValid lets React Flow end a connection only where the rules allow (the hint says why not). */
  const isValid = useCallback((c: Connection | Edge) => refusal(c, graphView()) === null, [graphView]);
  /** onConnect adds the edge, in place of the one an input that takes one value had. */
  const onConnect = useCallback((c: Connection) => {
    useGraph.getState().connect(c, replaced(c, graphView()));
    flashRefused(null);
  }, [graphView, flashRefused]);
  /** onConnectEnd keeps the reason up for a moment when a connection was dropped on a port that refused it. */
  const onConnectEnd = useCallback((_: MouseEvent | TouchEvent, s: FinalConnectionState) => {
    if (s.fromHandle && s.toHandle && s.isValid === false) flashRefused(reasonOf(s.fromHandle, s.toHandle));
  }, [reasonOf, flashRefused]);

  return (
    <main ref={container} tabIndex={-1} className="relative min-w-0 flex-1 focus:outline-none" aria-label="Workflow canvas" data-view={motion.moving ? 'moving' : 'still'} onDragOver={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (!deleteFocusedEdge(e)) return;
        e.preventDefault();
        e.stopPropagation(); // React Flow's own Delete would also take the selected node
      }}
      onDrop={(e) => {
      const spec = byType[e.dataTransfer.getData(DRAG_TYPE)];
      if (!spec) return;
      e.preventDefault();
      add(spec, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    }}>
      {nodes.length === 0 && !loading && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center text-center text-sm text-slate-500">
          <p>Empty workflow. Click or drag nodes in from the left,<br />connect an output (right) to an input (left), and press Run.</p>
        </div>
      )}
      <ConnectionHint last={refused} />
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={onConnect} onConnectEnd={onConnectEnd} isValidConnection={isValid} onSelectionChange={onSelectionChange}
        onMoveStart={onMoveStart} onMoveEnd={motion.onMoveEnd} defaultEdgeOptions={edgeOptions} connectionLineType={ConnectionLineType.SmoothStep}
        deleteKeyCode={['Delete', 'Backspace']} minZoom={0.2} proOptions={{ hideAttribution: true }}>
        <Background />
        <CanvasControls refit={refit} />
      </ReactFlow>
    </main>
  );
}
