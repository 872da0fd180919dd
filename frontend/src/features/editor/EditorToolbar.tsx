import { ArrowLeft, Redo2, Save, Undo2 } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { useGraph } from '../../stores/graph';
import { RunBar } from '../run/RunBar';

/**
 * EditorToolbar holds back, the workflow's name and save state, undo/redo,
 * save, and the run controls, on one line: a long name is cut with an
 * ellipsis (in full in its tooltip) rather than wrapping the header.
 */
export function EditorToolbar({ workflowId, name, onBack, onSave, run, estimate, estimateStale }: {
  workflowId: string;
  name: string | undefined;
  onBack: () => void;
  onSave: () => void;
  run: { run: () => void; step: () => void; resume: () => void; cancel: () => void; open: (id: string) => void; busy: boolean };
  estimate: number | null;
  /** estimateStale says the estimate is older than the edits on the canvas. */
  estimateStale?: boolean;
}) {
  const dirty = useGraph((s) => s.dirty);
  const canUndo = useGraph((s) => s.past.length > 0);
  const canRedo = useGraph((s) => s.future.length > 0);
  const { undo, redo } = useGraph.getState();
  return (
    <header className="flex h-12 shrink-0 flex-nowrap items-center gap-2 overflow-hidden whitespace-nowrap border-b border-slate-200 bg-white px-3">
      <Button variant="ghost" size="icon" className="shrink-0" onClick={onBack} title="All workflows" aria-label="All workflows"><ArrowLeft className="h-4 w-4" /></Button>
      {/* The name gives way first, down to 10rem (or its own length, about, when shorter). */}
      <h1 className="shrink-[100] truncate font-semibold" style={{ minWidth: `min(10rem, ${(name?.length ?? 0) + 1}ch)` }} data-testid="workflow-name" title={name}>{name}</h1>
      <span className={`shrink-0 text-xs ${dirty ? 'text-amber-700' : 'text-emerald-700'}`} data-testid="save-state">{dirty ? 'Unsaved changes' : 'Saved'}</span>
      <div className="flex shrink-0 items-center gap-1">
        <Button variant="ghost" size="icon" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo"><Undo2 className="h-4 w-4" /></Button>
        <Button variant="ghost" size="icon" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo"><Redo2 className="h-4 w-4" /></Button>
        <Button variant="outline" size="sm" onClick={onSave} disabled={!dirty} data-testid="save" title="Save (Ctrl+S)"><Save className="h-4 w-4" /> Save</Button>
      </div>
      <div className="min-w-0 flex-1" />
      {/* Then the run bar's costs give way, cut with an ellipsis (a failed run's message is in the notice banner). */}
      <div className="min-w-0 overflow-hidden [&>div]:min-w-0">
        <RunBar workflowId={workflowId} onRun={run.run} onStep={run.step} onResume={run.resume} onCancel={run.cancel} onOpen={run.open} estimate={estimate} estimateStale={estimateStale} busy={run.busy} />
      </div>
    </header>
  );
}
