import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';

/** WorkflowList creates, renames, opens and deletes workflows. */
export function WorkflowList({ onOpen }: { onOpen: (id: string) => void }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['workflows'], queryFn: api.listWorkflows });
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['workflows'] });
  const create = useMutation({ mutationFn: api.createWorkflow, onSuccess: (w) => onOpen(w.id) });
  const rename = useMutation({ mutationFn: (v: { id: string; name: string }) => api.renameWorkflow(v.id, v.name), onSuccess: () => { setEditing(null); refresh(); } });
  const remove = useMutation({ mutationFn: api.deleteWorkflow, onSuccess: refresh });
  const workflows = list.data?.workflows ?? [];
  return (
    <div className="mx-auto max-w-3xl p-8">
      <h1 className="mb-1 text-2xl font-bold">Your ad workflows</h1>
      <p className="mb-6 text-sm text-slate-600">Each workflow turns text, a product photo and what is trending into ad images.</p>
      <form className="mb-6 flex gap-2" onSubmit={(e) => { e.preventDefault(); if (name.trim()) create.mutate(name.trim()); }}>
        <Input name="new-workflow" placeholder="Name a new workflow, e.g. Spring sneaker launch" value={name} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" disabled={!name.trim() || create.isPending} data-testid="create-workflow"><Plus className="h-4 w-4" /> Create</Button>
      </form>
      {list.isLoading && <p className="text-sm text-slate-500">Loading…</p>}
      {!list.isLoading && workflows.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">No workflows yet. Name one above to start.</div>
      )}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {workflows.map((w) => (
          <li key={w.id} className="flex items-center gap-2 px-4 py-3">
            {editing === w.id ? (
              <form className="flex flex-1 gap-2" onSubmit={(e) => { e.preventDefault(); const v = new FormData(e.currentTarget).get('name'); if (v) rename.mutate({ id: w.id, name: String(v) }); }}>
                <Input name="name" defaultValue={w.name} autoFocus />
                <Button type="submit" size="sm">Rename</Button>
              </form>
            ) : (
              <button className="flex-1 text-left font-medium hover:text-brand" onClick={() => onOpen(w.id)}>{w.name}</button>
            )}
            <span className="text-xs text-slate-500">{new Date(w.updated_at).toLocaleDateString()}</span>
            <Button variant="ghost" size="icon" title="Rename" onClick={() => setEditing(w.id)}><Pencil className="h-4 w-4" /></Button>
            <Button variant="ghost" size="icon" title="Delete" onClick={() => confirm(`Delete "${w.name}" and all its runs?`) && remove.mutate(w.id)}><Trash2 className="h-4 w-4" /></Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
