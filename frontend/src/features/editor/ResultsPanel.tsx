import { useQuery } from '@tanstack/react-query';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { useRun } from '../../stores/run';
import { runsQuery } from '../run/runs';

/**
 * useHasResults says whether there is anything to show below the canvas: a
 * run open on the canvas, or past runs of the workflow. It shares the run
 * history's query (runsQuery), so the two never ask twice.
 */
function useHasResults(workflowId: string): { has: boolean; runs: number; execution: string | null } {
  const runs = useQuery({ ...runsQuery(workflowId), select: (d) => d.length });
  const execution = useRun((s) => s.execution?.id ?? null);
  return { has: execution !== null || (runs.data ?? 0) > 0, runs: runs.data ?? 0, execution };
}

/**
 * ResultsPanel holds the gallery and the run history under the canvas. With
 * no run yet it is a slim bar that takes almost no room; it opens by itself
 * when a run starts or when there are past runs, and the user may open or
 * close it (a choice that lasts until the next run).
 */
export function ResultsPanel({ workflowId, children }: { workflowId: string; children: ReactNode }) {
  const { has, runs, execution } = useHasResults(workflowId);
  const [choice, setChoice] = useState<{ open: boolean; execution: string | null } | null>(null);
  const open = choice && choice.execution === execution ? choice.open : has;
  const id = useId();
  const summary = has ? `${runs} run${runs === 1 ? '' : 's'}` : 'the final ads and past runs appear here after a run';
  return (
    <section aria-label="Results and runs" className="shrink-0 border-t border-slate-200 bg-white">
      <button type="button" onClick={() => setChoice({ open: !open, execution })} aria-expanded={open} aria-controls={id} data-testid="results-toggle"
        className="flex h-7 w-full items-center gap-1.5 px-3 text-left text-xs text-slate-600 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand">
        {open ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronUp className="h-3.5 w-3.5" />}
        <span className="font-semibold uppercase tracking-wide text-slate-500">Results</span>
        <span className="truncate">· {summary}</span>
      </button>
      {/* Tall enough for thumbnails over 160 px where the window allows, never more than a third of it. */}
      {open && <div id={id} className="flex h-[clamp(11rem,31vh,20rem)] border-t border-slate-100">{children}</div>}
    </section>
  );
}
