import { ImageOff, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { WorkflowSummary } from '../../api/types';
import { StatusBadge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ThumbImage } from '../../components/ui/thumb-image';
import { timeAgo } from '../../lib/time';
import { money } from '../../lib/money';
import { RenameForm } from './RenameForm';

/** LastRunLine says how the workflow last ran: status (in words and colour), when, and its cost; or that it never ran. */
function LastRunLine({ run, now }: { run: WorkflowSummary['last_run']; now: number }) {
  if (!run) return <span className="block text-xs text-slate-500">Never run</span>;
  return (
    <span className="flex items-center gap-2 whitespace-nowrap text-xs text-slate-600" data-testid="last-run">
      <StatusBadge status={run.status} />
      <span title={new Date(run.started_at).toLocaleString()}>ran {timeAgo(run.started_at, now)}</span>
      {run.total_cost !== null && <span className="tabular-nums">· {money(run.total_cost)}</span>}
    </span>
  );
}

/**
 * WorkflowRow is one workflow of the list: a button that opens it, showing
 * the first image of its last run, its name and how it last ran; then
 * rename (in place: Escape leaves it, a refusal says why) and delete.
 */
export function WorkflowRow({ w, now, rename, onOpen, onEdit, onDelete }: {
  w: WorkflowSummary;
  now: number;
  /** rename is set while the row is being renamed: the save in flight, why the last try was refused, and how to save or leave. */
  rename: { busy: boolean; error: string; save: (name: string) => void; cancel: () => void } | null;
  onOpen: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const image = w.last_run?.image_url;
  // Leaving the rename (saved, or Escape) puts the focus back on its button.
  const renameButton = useRef<HTMLButtonElement>(null);
  const renaming = useRef(false);
  useEffect(() => {
    if (renaming.current && !rename) renameButton.current?.focus();
    renaming.current = !!rename;
  }, [rename]);
  return (
    <li className="flex items-center gap-3 px-4 py-3" data-testid="workflow-row">
      {rename ? (
        <RenameForm name={w.name} busy={rename.busy} error={rename.error} onRename={rename.save} onCancel={rename.cancel} />
      ) : (
        <button type="button" onClick={onOpen} data-testid="open-workflow"
          className="group flex min-w-0 flex-1 items-center gap-3 rounded-md text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand">
          <span className="flex h-14 w-14 shrink-0 items-center justify-center overflow-hidden rounded-md border border-slate-200 bg-slate-100">
            {image ? <ThumbImage src={image} sizes="56px" alt="" className="h-full w-full object-cover" loading="lazy" /> : <ImageOff className="h-5 w-5 text-slate-300" aria-hidden />}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium group-hover:text-brand">{w.name}</span>
            <LastRunLine run={w.last_run} now={now} />
          </span>
        </button>
      )}
      {!rename && <Button ref={renameButton} variant="ghost" size="icon" title="Rename" aria-label={`Rename ${w.name}`} onClick={onEdit}><Pencil className="h-4 w-4" /></Button>}
      <Button variant="ghost" size="icon" title="Delete" aria-label={`Delete ${w.name}`} onClick={onDelete} data-testid="delete-workflow"><Trash2 className="h-4 w-4" /></Button>
    </li>
  );
}
