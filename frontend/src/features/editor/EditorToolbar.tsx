import { ArrowLeft, Redo2, Save, Undo2 } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { useGraph } from '../../stores/graph';
import { RunBar } from '../run/RunBar';

/** EditorToolbar holds back, the workflow's name and save state, undo/redo, save, and the run controls. */
export function EditorToolbar({ name, onBack, onSave, run, estimate }: {
  name: string | undefined;
  onBack: () => void;
  onSave: () => void;
  run: { run: () => void; step: () => void; resume: () => void; cancel: () => void; busy: boolean };
  estimate: number | null;
}) {
  const dirty = useGraph((s) => s.dirty);
  const canUndo = useGraph((s) => s.past.length > 0);
  const canRedo = useGraph((s) => s.future.length > 0);
  const { undo, redo } = useGraph.getState();
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2">
      <Button variant="ghost" size="icon" onClick={onBack} title="All workflows"><ArrowLeft className="h-4 w-4" /></Button>
      <h1 className="font-semibold" data-testid="workflow-name">{name}</h1>
      <span className={`text-xs ${dirty ? 'text-amber-600' : 'text-emerald-600'}`} data-testid="save-state">{dirty ? 'Unsaved changes' : 'Saved'}</span>
      <Button variant="ghost" size="icon" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)"><Undo2 className="h-4 w-4" /></Button>
      <Button variant="ghost" size="icon" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)"><Redo2 className="h-4 w-4" /></Button>
      <Button variant="outline" size="sm" onClick={onSave} disabled={!dirty} data-testid="save" title="Save (Ctrl+S)"><Save className="h-4 w-4" /> Save</Button>
      <div className="flex-1" />
      <RunBar onRun={run.run} onStep={run.step} onResume={run.resume} onCancel={run.cancel} estimate={estimate} busy={run.busy} />
    </header>
  );
}
