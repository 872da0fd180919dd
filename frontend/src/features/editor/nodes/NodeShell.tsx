import type { ReactNode } from 'react';
import { CircleDot, TriangleAlert } from 'lucide-react';
import { asSentence, plain } from '../../../api/problemText';
import type { NodeSpec } from '../../../api/types';
import { StatusBadge } from '../../../components/ui/badge';
import { cn } from '../../../lib/cn';
import type { NodeData } from '../../../stores/flow';
import { useNodeErrors, useNodeWarnings } from '../../../stores/problems';
import { useRun } from '../../../stores/run';
import { besideErrors } from '../graphErrors';
import { costLine, isReused } from './costLine';
import { iconFor } from './icons';
import { NodeActivity } from './NodeActivity';
import { NodeProblems } from './NodeProblems';
import { NODE_TEXT } from './nodeText';
import { Ports } from './Ports';

/** badge is the one chip on a node's top border: its status in the shown run, or "reused" for a node that completed with an earlier output. */
const badge = cn(NODE_TEXT, 'absolute -top-3 right-2 shadow-sm ring-1 ring-white');

/**
 * NodeShell draws what every node has: icon, name, labelled ports from the
 * catalog, its one status in the shown run (in words; "reused" when it
 * completed with an earlier output) with what a running node is doing,
 * money (what it cost in the shown run, else what the next run will),
 * errors (red) and the warnings no error already says (amber), and what
 * this server lacks for the node type (the catalog's notice). Its small
 * print is NODE_TEXT. Children show the node's own settings.
 */
export function NodeShell({ id, data, selected, spec, children }: { id: string; data: NodeData; selected: boolean; spec: NodeSpec | undefined; children?: ReactNode }) {
  const state = useRun((s) => s.nodes[id]);
  const estimate = useRun((s) => s.estimates[id]);
  const problems = useNodeErrors(id);
  const warnings = besideErrors(useNodeWarnings(id), problems);
  const runShown = useRun((s) => s.execution !== null);
  const money = costLine(state, estimate, runShown);
  const Icon = iconFor(spec?.icon);
  const status = state?.status;
  const reused = isReused(state);
  return (
    <div
      data-testid={`node-${data.name}`}
      data-status={status ?? 'IDLE'}
      data-reused={reused ? 'true' : undefined}
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
      {reused ? (
        <span data-testid="node-reused" title="Completed with an earlier output of yours: nothing was paid"
          className={cn(badge, 'rounded bg-teal-100 px-1.5 py-0.5 font-semibold uppercase tracking-wide text-teal-800')}>
          reused
        </span>
      ) : status && <StatusBadge status={status} className={badge} />}
      <Ports spec={spec} nodeId={id} nodeName={data.name} />
      {state && <NodeActivity state={state} />}
      {children && <div className={cn(NODE_TEXT, 'border-t border-slate-100 px-3 pt-1.5 text-slate-700')}>{children}</div>}
      <div className={cn(NODE_TEXT, 'flex justify-between px-3 py-1.5 text-slate-600')} data-testid="node-footer">
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
        <p className={cn(NODE_TEXT, 'mx-2 mb-1.5 flex items-center gap-1 text-amber-800')} data-testid="node-notice" title={spec.notice}>
          <TriangleAlert className="h-3 w-3 shrink-0" aria-hidden /><span className="truncate"><span className="sr-only">Warning: </span>{spec.notice}</span>
        </p>
      )}
      {problems && <NodeProblems problems={problems} tone="error" />}
      {warnings && <NodeProblems problems={warnings} tone="warning" />}
      {state?.error_message && status === 'FAILED' && (
        <div className={cn(NODE_TEXT, 'mx-2 mb-2 rounded bg-red-50 p-1.5 text-red-700')} title={state.error_message} data-testid="node-error">
          <span className="line-clamp-2">{asSentence(plain(state.error_message))}</span>
        </div>
      )}
    </div>
  );
}
