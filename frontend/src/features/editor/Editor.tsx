import { ReactFlowProvider } from '@xyflow/react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { asClause, problemText } from '../../api/problemText';
import { useGraph } from '../../stores/graph';
import { pruneOnEdit, useProblems } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { Gallery } from '../run/Gallery';
import { History } from '../run/History';
import { Canvas } from './Canvas';
import { ConfigPanel } from './ConfigPanel';
import { ConflictDialog } from './ConflictDialog';
import { EditorNotice } from './EditorNotice';
import { EditorToolbar } from './EditorToolbar';
import { Palette } from './Palette';
import type { NoticeAction } from './runRefusal';
import { ResultsPanel } from './ResultsPanel';
import { useRefreshAfterRun } from './useRefreshAfterRun';
import { useRunControls } from './useRunControls';
import { useSave } from './useSave';
import { useShortcuts } from './useShortcuts';
import { useLeaveGuard } from '../../lib/leaveGuard';
import { useEstimate } from './useEstimate';

/** Editor is the canvas, palette, config panel, run controls, gallery and history of one workflow, fitted to the window. */
export function Editor({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  return (
    <ReactFlowProvider>
      <EditorInner workflowId={workflowId} onBack={onBack} />
    </ReactFlowProvider>
  );
}

/**
 * EditorInner loads the workflow and its estimate and wires saving, running
 * and the notice; it re-renders only when the dirty flag flips or the message changes.
 * data-stream is "open" while the workflow's stream is (see useLiveRuns), so
 * a test can wait until a run started elsewhere will reach this tab.
 */
function EditorInner({ workflowId, onBack }: { workflowId: string; onBack: () => void }) {
  const dirty = useGraph((s) => s.dirty);
  useLeaveGuard(dirty ? 'This workflow has unsaved changes. Leave without saving them?' : null);
  const [notice, setNotice] = useState<{ text: string; action?: NoticeAction }>({ text: '' });
  const notify = useCallback((text: string, action?: NoticeAction) => setNotice({ text, action }), []);
  const wf = useQuery({ queryKey: ['workflow', workflowId], queryFn: () => api.getWorkflow(workflowId) });
  const est = useEstimate(workflowId);

  useEffect(() => {
    useRun.getState().setEstimates(Object.fromEntries((est.data?.nodes ?? []).map((n) => [n.node_id, n])));
  }, [est.data]);
  useEffect(() => {
    if (!wf.data) return;
    useGraph.getState().load(wf.data);
    useProblems.getState().clear();
  }, [wf.data]);
  useEffect(() => {
    if (wf.error) notify(`The workflow could not be opened: ${asClause(problemText(wf.error))}`);
  }, [wf.error, notify]);
  useEffect(() => pruneOnEdit(), []);
  useRefreshAfterRun(workflowId);

  const saving = useSave(workflowId, notify);
  const controls = useRunControls(workflowId, saving.save, notify);
  useShortcuts({ save: saving.save, run: controls.run, step: controls.step, resume: controls.resume });

  return (
    <div className="flex h-full flex-col" data-testid="editor" data-stream={controls.live ? 'open' : 'connecting'}>
      <EditorToolbar workflowId={workflowId} name={wf.data?.name} onBack={onBack} onSave={saving.save} run={controls} estimate={est.data?.total_cost ?? null} estimateStale={est.stale} />
      <EditorNotice message={notice.text} action={notice.action} onClear={() => notify('')} />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <Canvas loading={wf.isLoading} />
        <ConfigPanel onRun={controls.runWith} busy={controls.busy} />
      </div>
      <ResultsPanel workflowId={workflowId}>
        <div className="min-w-0 flex-1 overflow-hidden">
          <Gallery workflowName={wf.data?.name ?? ''} />
        </div>
        <History workflowId={workflowId} onOpen={controls.open} />
      </ResultsPanel>
      <ConflictDialog saving={saving} />
    </div>
  );
}
