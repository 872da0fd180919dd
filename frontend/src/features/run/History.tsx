import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { StatusBadge } from '../../components/ui/badge';

/** History lists a workflow's past runs, newest first; picking one reopens it. */
export function History({ workflowId, onOpen }: { workflowId: string; onOpen: (id: string) => void }) {
  const q = useQuery({ queryKey: ['executions', workflowId], queryFn: () => api.executions(workflowId), refetchInterval: 5000 });
  const list = q.data?.executions ?? [];
  return (
    <div className="w-72 shrink-0 overflow-y-auto border-l border-slate-200 p-2" data-testid="history">
      <h3 className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Runs</h3>
      {list.length === 0 && <p className="px-1 text-xs text-slate-500">No runs yet. Press Run.</p>}
      {list.map((x) => (
        <button key={x.id} onClick={() => onOpen(x.id)} data-testid="history-item"
          className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-xs hover:bg-slate-100">
          <StatusBadge status={x.status} />
          <span className="flex-1">{new Date(x.started_at).toLocaleString()}</span>
          <span className="tabular-nums text-slate-600">${(x.total_cost ?? 0).toFixed(3)}</span>
        </button>
      ))}
    </div>
  );
}
