import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Redo2, Save, Undo2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { NodeSpec, NodeType } from '../../api/types';
import { Button } from '../../components/ui/button';
import { canConnect, useCatalog } from '../../stores/catalog';
import { fromFlow, useGraph } from '../../stores/graph';
import { useRun } from '../../stores/run';
import { Gallery } from '../run/Gallery';
import { History } from '../run/History';
import { RunBar } from '../run/RunBar';
import { ConfigPanel } from './ConfigPanel';
import { graphErrors } from './graphErrors';
import { Palette } from './Palette';
import { useRunControls } from './useRunControls';
import { useShortcuts } from './useShortcuts';
import { nodeTypes } from './nodes';

/** Editor is the canvas, palette, config panel, run controls, gallery and history of one workflow. */
export function Editor({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  return (
    <ReactFlowProvider>
      <EditorInner workflowId={workflowId} onBack={onBack} />
    </ReactFlowProvider>
  );
}

/** EditorInner needs the React Flow context for drops and fit view. */
function EditorInner({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  const g = useGraph();
  const { byType } = useCatalog();
  const flow = useReactFlow();
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [notice, setNotice] = useState('');
  const wf = useQuery({ queryKey: ['workflow', workflowId], queryFn: () => api.getWorkflow(workflowId) });
  const est = useQuery({ queryKey: ['estimate', workflowId, g.dirty], queryFn: () => api.estimate(workflowId), enabled: !g.dirty });

  useEffect(() => {
    useRun.getState().setEstimates(Object.fromEntries((est.data?.nodes ?? []).map((n) => [n.node_id, n.cost])));
  }, [est.data]);
  useEffect(() => {
    if (wf.data) g.load(wf.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wf.data]);

  const save = useCallback(async () => {
    const { nodes, edges } = useGraph.getState();
    try {
      const body = fromFlow(nodes, edges);
      await api.saveGraph(workflowId, body.nodes, body.edges);
      useGraph.getState().markSaved();
      setErrors({});
      setNotice('');
      est.refetch();
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(graphErrors(err.errors));
        setNotice(err.message.replace(/^invalid workflow graph: /, 'Fix the workflow first: '));
      }
      return false;
    }
  }, [workflowId, est]);

  const onSelectionChange = useCallback(({ nodes }: { nodes: { id: string }[] }) => useGraph.getState().select(nodes[0]?.id ?? null), []);
  const controls = useRunControls(workflowId, save, setNotice);
  useShortcuts({ save, run: controls.run, step: controls.step, resume: controls.resume });

  const add = (spec: NodeSpec, x?: number, y?: number) => {
    const count = useGraph.getState().nodes.filter((n) => n.data.type === spec.type).length;
    const n = useGraph.getState().nodes.length;
    g.addNode(spec.type, count ? `${spec.label} ${count + 1}` : spec.label, structuredClone(spec.defaults), x ?? 40 + (n % 4) * 300, y ?? 60 + Math.floor(n / 4) * 180 + (n % 2) * 60);
  };
  const isValid = (c: Connection | Edge) => {
    const src = g.nodes.find((n) => n.id === c.source);
    const dst = g.nodes.find((n) => n.id === c.target);
    if (!src || !dst || src.id === dst.id) return false;
    const out = byType[src.data.type]?.outputs.find((p) => p.name === c.sourceHandle)?.kind;
    const into = byType[dst.data.type]?.inputs.find((p) => p.name === c.targetHandle)?.kind;
    return canConnect(out, into, byType[dst.data.type]?.open_inputs ?? false);
  };

  return (
    <div className="flex h-full flex-col">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2">
        <Button variant="ghost" size="icon" onClick={onBack} title="All workflows"><ArrowLeft className="h-4 w-4" /></Button>
        <h1 className="font-semibold" data-testid="workflow-name">{wf.data?.name}</h1>
        <span className={`text-xs ${g.dirty ? 'text-amber-600' : 'text-emerald-600'}`} data-testid="save-state">{g.dirty ? 'Unsaved changes' : 'Saved'}</span>
        <Button variant="ghost" size="icon" onClick={g.undo} disabled={!g.past.length} title="Undo (Ctrl+Z)"><Undo2 className="h-4 w-4" /></Button>
        <Button variant="ghost" size="icon" onClick={g.redo} disabled={!g.future.length} title="Redo (Ctrl+Shift+Z)"><Redo2 className="h-4 w-4" /></Button>
        <Button variant="outline" size="sm" onClick={save} disabled={!g.dirty} data-testid="save" title="Save (Ctrl+S)"><Save className="h-4 w-4" /> Save</Button>
        <div className="flex-1" />
        <RunBar onRun={controls.run} onStep={controls.step} onResume={controls.resume} onCancel={controls.cancel}
          estimate={est.data?.total_cost ?? null} busy={controls.busy} />
      </header>
      {notice && <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-1.5 text-sm text-red-700">{notice}</div>}
      <div className="flex min-h-0 flex-1">
        <Palette onAdd={(s) => add(s)} />
        <main className="relative flex-1" onDragOver={(e) => e.preventDefault()} onDrop={(e) => {
          const type = e.dataTransfer.getData('application/visualadgen-node') as NodeType;
          if (!byType[type]) return;
          const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
          add(byType[type], p.x, p.y);
        }}>
          {g.nodes.length === 0 && !wf.isLoading && (
            <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center text-center text-sm text-slate-500">
              <p>Empty workflow. Drag <b>Text input</b>, <b>Prompt</b>, <b>Image model</b> and <b>Output</b> in from the left,<br />connect them, and press Run.</p>
            </div>
          )}
          <ReactFlow nodes={g.nodes} edges={g.edges} nodeTypes={nodeTypes} onNodesChange={g.onNodesChange} onEdgesChange={g.onEdgesChange}
            onConnect={g.connect} isValidConnection={isValid} onSelectionChange={onSelectionChange}
            deleteKeyCode={['Delete', 'Backspace']} fitView fitViewOptions={{ maxZoom: 1 }} minZoom={0.2} proOptions={{ hideAttribution: true }}>
            <Background />
            <Controls />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </main>
        <ConfigPanel errors={errors} />
      </div>
      <footer className="flex h-52 shrink-0 border-t border-slate-200 bg-white">
        <div className="min-w-0 flex-1">
          <Gallery />
        </div>
        <History workflowId={workflowId} onOpen={controls.open} />
      </footer>
    </div>
  );
}
