import { useMutation, useQuery } from '@tanstack/react-query';
import { LayoutTemplate, TriangleAlert } from 'lucide-react';
import { api } from '../../api/client';
import type { Starter } from '../../api/types';
import { cn } from '../../lib/cn';
import { problemText } from '../../api/problemText';

/** StarterCard is one starter: a button that makes a workflow from it; one this server cannot run yet says what it lacks. */
function StarterCard({ s, busy, onPick }: { s: Starter; busy: boolean; onPick: () => void }) {
  const missing = s.missing ?? [];
  return (
    <button type="button" onClick={onPick} disabled={busy} data-testid={`starter-${s.id}`}
      className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 text-left shadow-sm hover:border-brand hover:bg-violet-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-60">
      <span className="flex items-center gap-2 font-medium"><LayoutTemplate className="h-4 w-4 shrink-0 text-brand" aria-hidden />{s.name}</span>
      <span className="mt-1 text-sm text-slate-600">{s.description}</span>
      {missing.length > 0 && (
        <span className="mt-2 flex items-start gap-1 text-xs text-amber-800" data-testid="starter-missing">
          <TriangleAlert className="mt-px h-3.5 w-3.5 shrink-0" aria-hidden />
          Cannot run here yet: this server has no {missing.join(', ')}.
        </span>
      )}
    </button>
  );
}

/**
 * Starters offers the ready-to-run workflows of GET /api/starters: picking
 * one makes a workflow from it, named after it, and opens it ready to run.
 * prominent is the larger version for an empty list.
 */
export function Starters({ onOpen, prominent }: { onOpen: (id: string) => void; prominent: boolean }) {
  const list = useQuery({ queryKey: ['starters'], queryFn: api.starters, staleTime: Infinity });
  const create = useMutation({ mutationFn: (s: Starter) => api.createWorkflow(s.name, s.id), onSuccess: (w) => onOpen(w.id) });
  const starters = list.data?.starters ?? [];
  if (starters.length === 0) return null;
  return (
    <section aria-labelledby="starters-title" className={cn(!prominent && 'mt-10')}>
      <h2 id="starters-title" className={cn('font-semibold', prominent ? 'text-lg' : 'text-sm uppercase tracking-wide text-slate-500')}>
        {prominent ? 'Start from a template, ready to run' : 'Start from a template'}
      </h2>
      {prominent && <p className="mb-1 text-sm text-slate-600">Each one is a complete workflow: open it, press Run, and change what you like.</p>}
      {create.isError && <p role="alert" className="text-sm text-red-600">{problemText(create.error)}</p>}
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        {starters.map((s) => <StarterCard key={s.id} s={s} busy={create.isPending} onPick={() => create.mutate(s)} />)}
      </div>
    </section>
  );
}
