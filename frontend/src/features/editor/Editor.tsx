import { ReactFlowProvider } from '@xyflow/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { Gallery } from '../run/Gallery';
import { History } from '../run/History';
import { Canvas } from './Canvas';
import { ConfigPanel } from './ConfigPanel';
import { EditorToolbar } from './EditorToolbar';
import { Notice } from './Notice';
import { Palette } from './Palette';
import { ResultsPanel } from './ResultsPanel';
import { useRunControls } from './useRunControls';
import { useSave } from './useSave';
import { useShortcuts } from './useShortcuts';

/** Editor is the canvas, palette, config panel, run controls, gallery and history of one workflow, fitted to the window. */
export function Editor({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  return (
    <ReactFlowProvider>
      <EditorInner workflowId={workflowId} onBack={onBack} />
    </ReactFlowProvider>
  );
}

/** EditorInner loads the workflow and its estimate and wires saving and running; it re-renders only when the dirty flag flips. */
function EditorInner({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  const dirty = useGraph((s) => s.dirty);
  const [notice, setNotice] = useState('');
  const wf = useQuery({ queryKey: ['workflow', workflowId], queryFn: () => api.getWorkflow(workflowId) });
  const est = useQuery({ queryKey: ['estimate', workflowId, dirty], queryFn: () => api.estimate(workflowId), enabled: !dirty });

  useEffect(() => {
    useRun.getState().setEstimates(Object.fromEntries((est.data?.nodes ?? []).map((n) => [n.node_id, n])));
  }, [est.data]);
  useEffect(() => {
    if (!wf.data) return;
    useGraph.getState().load(wf.data);
    useProblems.getState().clear();
  }, [wf.data]);

  const save = useSave(workflowId, setNotice);
  const controls = useRunControls(workflowId, save, setNotice);
  useShortcuts({ save, run: controls.run, step: controls.step, resume: controls.resume });

  return (
    <div className="flex h-full flex-col">
      <EditorToolbar name={wf.data?.name} onBack={onBack} onSave={save} run={controls} estimate={est.data?.total_cost ?? null} />
      <Notice key={notice} text={notice} onDismiss={() => setNotice('')} />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <Canvas loading={wf.isLoading} />
        <ConfigPanel />
      </div>
      <ResultsPanel workflowId={workflowId}>
        <div className="min-w-0 flex-1 overflow-hidden">
          <Gallery />
        </div>
        <History workflowId={workflowId} onOpen={controls.open} />
      </ResultsPanel>
    </div>
  );
}
