import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { useNow } from '../../lib/useNow';
import { DeleteWorkflowDialog } from './DeleteWorkflowDialog';
import { Starters } from './Starters';
import { WorkflowRow } from './WorkflowRow';

/**
 * WorkflowList creates (empty or from a starter), renames, opens and
 * deletes workflows, each shown with how it last ran; the starters stay on
 * offer below the list.
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
  const remove = useMutation({ mutationFn: api.deleteWorkflow, onSuccess: () => { setDeleting(null); refresh(); } });
  const workflows = list.data?.workflows ?? [];
  const empty = !list.isLoading && workflows.length === 0;
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-3xl p-8">
        <h1 className="mb-1 text-2xl font-bold">Your ad workflows</h1>
        <p className="mb-6 text-sm text-slate-600">Each workflow turns text, a product photo and what is trending into ad images.</p>
        <form className="mb-6 flex gap-2" onSubmit={(e) => { e.preventDefault(); if (name.trim()) create.mutate(name.trim()); }}>
          <Input name="new-workflow" aria-label="New workflow name" placeholder="Name a new workflow, e.g. Spring sneaker launch" value={name} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" disabled={!name.trim() || create.isPending} data-testid="create-workflow"><Plus className="h-4 w-4" /> Create</Button>
        </form>
        {list.isLoading && <p className="text-sm text-slate-500">Loading…</p>}
        {empty && <p className="mb-6 text-sm text-slate-500" data-testid="no-workflows">No workflows yet: name one above, or start from a ready-made one.</p>}
        {empty && <Starters onOpen={onOpen} prominent />}
        {workflows.length > 0 && (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Workflows">
            {workflows.map((w) => (
              <WorkflowRow key={w.id} w={w} now={now} editing={editing === w.id} onOpen={() => onOpen(w.id)} onEdit={() => setEditing(w.id)}
                onRename={(n) => rename.mutate({ id: w.id, name: n })} onDelete={() => { remove.reset(); setDeleting({ id: w.id, name: w.name }); }} />
            ))}
          </ul>
        )}
        {workflows.length > 0 && <Starters onOpen={onOpen} prominent={false} />}
      </div>
      <DeleteWorkflowDialog target={deleting} busy={remove.isPending}
        error={remove.error ? (remove.error instanceof ApiError ? remove.error.message : 'The workflow could not be deleted; try again.') : undefined} onConfirm={(id) => remove.mutate(id)} onClose={() => setDeleting(null)} />
    </div>
  );
}
