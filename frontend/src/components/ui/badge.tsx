import { cn } from '../../lib/cn';

const colors: Record<string, string> = {
  PENDING: 'bg-slate-100 text-slate-600',
  RUNNING: 'bg-blue-100 text-blue-700 animate-pulse',
  PAUSED: 'bg-amber-100 text-amber-800',
  COMPLETED: 'bg-emerald-100 text-emerald-700',
  FAILED: 'bg-red-100 text-red-700',
  SKIPPED: 'bg-slate-100 text-slate-400',
  CANCELLED: 'bg-slate-200 text-slate-600',
};

/** StatusBadge shows a run or node status in its color. */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <span data-status={status} className={cn('rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide', colors[status] ?? colors.PENDING, className)}>
      {status.toLowerCase()}
    </span>
  );
}
