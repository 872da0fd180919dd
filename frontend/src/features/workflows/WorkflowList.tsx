import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { limits } from '../../api/limits.gen';
import { problemText } from '../../api/problemText';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { useNow } from '../../lib/useNow';
import { DeleteWorkflowDialog } from './DeleteWorkflowDialog';
import { Starters } from './Starters';
import { WorkflowRow } from './WorkflowRow';

/** NAME_MAX is the longest name a new workflow may have, as the API bounds it. */
const NAME_MAX = limits.CreateWorkflowInputBody.name.maxLength;

/** subjects name the fields of the workflow requests in their errors. */
const subjects = { name: 'The name' };

/**
 * WorkflowList creates (empty or from a starter), renames, opens and
 * deletes workflows, each shown with how it last ran; the starters stay on
 * offer below the list. Names are bounded as the API bounds them, and a
 * refused create, rename or delete says why where it was asked for.
 */
export function WorkflowList({ onOpen }: { onOpen: (id: string) => void }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['workflows'], queryFn: api.listWorkflows, refetchOnMount: 'always' });
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const now = useNow(true, 30_000);
  const refresh = () => qc.invalidateQueries({ queryKey: ['workflows'] });
  const create = useMutation({ mutationFn: (n: string) => api.createWorkflow(n), onSuccess: (w) => onOpen(w.id) });
  const rename = useMutation({ mutationFn: (v: { id: string; name: string }) => api.renameWorkflow(v.id, v.name), onSuccess: () => { setEditing(null); refresh(); } });
  /** edit starts (id) or leaves (null) renaming a row, forgetting the last refusal. */
  const edit = (id: string | null) => {
    rename.reset();
    setEditing(id);
  };
  const remove = useMutation({ mutationFn: api.deleteWorkflow, onSuccess: () => { setDeleting(null); refresh(); } });
  const workflows = list.data?.workflows ?? [];
  const empty = !list.isLoading && workflows.length === 0;
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto max-w-3xl p-8">
        <h1 className="mb-1 text-2xl font-bold">Your ad workflows</h1>
        <p className="mb-6 text-sm text-slate-600">Each workflow turns text, a product photo and what is trending into ad images.</p>
        <form className="mb-6" onSubmit={(e) => { e.preventDefault(); if (name.trim()) create.mutate(name.trim()); }}>
          <div className="flex gap-2">
            <Input name="new-workflow" aria-label="New workflow name" placeholder="Name a new workflow, e.g. Spring sneaker launch" value={name} maxLength={NAME_MAX}
              onChange={(e) => { setName(e.target.value); create.reset(); }} aria-invalid={create.isError} aria-describedby={create.isError ? 'create-error' : undefined} />
            <Button type="submit" disabled={!name.trim() || create.isPending} data-testid="create-workflow"><Plus className="h-4 w-4" /> Create</Button>
          </div>
          {create.isError && <p id="create-error" role="alert" className="mt-1 text-sm text-red-700" data-testid="create-error">{problemText(create.error, subjects)}</p>}
        </form>
        {list.isLoading && <p className="text-sm text-slate-500">Loading…</p>}
        {empty && <p className="mb-6 text-sm text-slate-500" data-testid="no-workflows">No workflows yet: name one above, or start from a ready-made one.</p>}
        {empty && <Starters onOpen={onOpen} prominent />}
        {workflows.length > 0 && (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Workflows">
            {workflows.map((w) => (
              <WorkflowRow key={w.id} w={w} now={now} onOpen={() => onOpen(w.id)} onEdit={() => edit(w.id)}
                rename={editing === w.id ? { busy: rename.isPending, error: rename.isError ? problemText(rename.error, subjects) : '', save: (n) => rename.mutate({ id: w.id, name: n }), cancel: () => edit(null) } : null}
                onDelete={() => { remove.reset(); setDeleting({ id: w.id, name: w.name }); }} />
            ))}
          </ul>
        )}
        {workflows.length > 0 && <Starters onOpen={onOpen} prominent={false} />}
      </div>
      <DeleteWorkflowDialog target={deleting} busy={remove.isPending}
        error={remove.error ? problemText(remove.error) : undefined} onConfirm={(id) => remove.mutate(id)} onClose={() => setDeleting(null)} />
    </main>
  );
}
