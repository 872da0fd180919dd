import type { ReactNode } from 'react';
import { CircleDot, TriangleAlert } from 'lucide-react';
import type { NodeSpec } from '../../../api/types';
import { StatusBadge } from '../../../components/ui/badge';
import { cn } from '../../../lib/cn';
import type { NodeData } from '../../../stores/flow';
import { useNodeErrors, useNodeWarnings } from '../../../stores/problems';
import { useRun } from '../../../stores/run';
import { isLive } from '../../../stores/status';
import { costLine, isReused } from './costLine';
import { iconFor } from './icons';
import { NodeActivity } from './NodeActivity';
import { NodeProblems } from './NodeProblems';
import { Ports } from './Ports';

/**
 * NodeShell draws what every node has: icon, name, labelled ports from the
 * catalog, live status (in words) with what a running node is doing, cost,
 * errors (red) and warnings (amber), and what this server lacks for the
 * node type (the catalog's notice); a node that reused an earlier output
 * says so on its top border. Children show the node's own settings.
 */
export function NodeShell({ id, data, selected, spec, children }: { id: string; data: NodeData; selected: boolean; spec: NodeSpec | undefined; children?: ReactNode }) {
  const state = useRun((s) => s.nodes[id]);
  const estimate = useRun((s) => s.estimates[id]);
  const problems = useNodeErrors(id);
  const warnings = useNodeWarnings(id);
  const runLive = useRun((s) => isLive(s.execution?.status));
  const money = costLine(state, estimate, runLive);
  const Icon = iconFor(spec?.icon);
  const status = state?.status;
  return (
    <div
      data-testid={`node-${data.name}`}
      data-status={status ?? 'IDLE'}
      data-reused={isReused(state) ? 'true' : undefined}
      data-invalid={problems ? 'true' : undefined}
      data-warned={warnings ? 'true' : undefined}
      className={cn(
        'relative w-52 rounded-lg border bg-white shadow-sm',
        selected ? 'border-brand ring-2 ring-violet-200' : 'border-slate-300',
        status === 'PAUSED' && 'ring-4 ring-amber-300',
        warnings && 'border-amber-500',
        (status === 'FAILED' || problems) && 'border-red-500',
      )}
    >
      <div className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5">
        <Icon className="h-4 w-4 text-brand" />
        <span className="flex-1 truncate text-sm font-medium">{data.name}</span>
        {data.has_breakpoint && <CircleDot aria-label="breakpoint" className="h-4 w-4 text-red-500" />}
      </div>
      {/* On the top border, so the name keeps the header's width. */}
      {status && <StatusBadge status={status} className="absolute -top-2.5 right-2 shadow-sm ring-1 ring-white" />}
      {isReused(state) && (
        <span data-testid="node-reused" title="Completed with an earlier output of yours: nothing was paid"
          className="absolute -top-2.5 left-2 rounded bg-teal-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-teal-800 shadow-sm ring-1 ring-white">
          reused
        </span>
      )}
      <Ports spec={spec} />
      {state && <NodeActivity state={state} />}
      {children && <div className="border-t border-slate-100 px-3 pt-1.5 text-[11px] text-slate-700">{children}</div>}
      <div className="flex justify-between px-3 py-1.5 text-[11px] text-slate-500">
        <span>{spec?.label ?? data.type}</span>
        <span className="flex gap-1.5">
          {money.map((p) => (
            <span key={p.testId} data-testid={p.testId} title={p.title} className={p.testId === 'node-cost' ? 'font-medium text-slate-700' : p.testId === 'node-will-reuse' ? 'text-teal-700' : undefined}>
              {p.text}
            </span>
          ))}
        </span>
      </div>
      {/* One line, so a node this server cannot fully run is hardly taller; the full text is in its tooltip. */}
      {spec?.notice && (
        <p className="mx-2 mb-1.5 flex items-center gap-1 text-[11px] text-amber-800" data-testid="node-notice" title={spec.notice}>
          <TriangleAlert className="h-3 w-3 shrink-0" aria-hidden /><span className="truncate"><span className="sr-only">Warning: </span>{spec.notice}</span>
        </p>
      )}
      {problems && <NodeProblems problems={problems} tone="error" />}
      {warnings && <NodeProblems problems={warnings} tone="warning" />}
      {state?.error_message && status === 'FAILED' && (
        <div className="mx-2 mb-2 rounded bg-red-50 p-1.5 text-[11px] text-red-700" title={state.error_message}>
          <span className="line-clamp-2">{state.error_message.split('\n')[0]}</span>
        </div>
      )}
    </div>
  );
}
