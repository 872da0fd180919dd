import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { CircleDot, FileText, Image, Images, MessageSquareText, Sparkles, TrendingUp } from 'lucide-react';
import { StatusBadge } from '../../../components/ui/badge';
import { cn } from '../../../lib/cn';
import type { FlowNode } from '../../../stores/graph';
import { useCatalog } from '../../../stores/catalog';
import { useRun } from '../../../stores/run';

const icons = { TEXT_INPUT: FileText, IMAGE_INPUT: Image, SOCIAL_MEDIA: TrendingUp, PROMPT: MessageSquareText, IMAGE_MODEL: Sparkles, OUTPUT: Images };

/** NodeShell draws what every node has: icon, name, ports from the catalog, live status, cost and error; children show the node's own settings. */
export function NodeShell({ id, data, selected, children }: NodeProps<FlowNode> & { children?: ReactNode }) {
  const spec = useCatalog().byType[data.type];
  const state = useRun((s) => s.nodes[id]);
  const estimate = useRun((s) => s.estimates[id]);
  const cost = typeof state?.output_data?.cost === 'number' ? (state.output_data.cost as number) : undefined;
  const Icon = icons[data.type] ?? FileText;
  const status = state?.status;
  const inputs = spec?.inputs ?? [];
  const outputs = spec?.outputs ?? [];
  return (
    <div
      data-testid={`node-${data.name}`}
      data-status={status ?? 'IDLE'}
      className={cn(
        'w-56 rounded-lg border bg-white shadow-sm',
        selected ? 'border-brand ring-2 ring-violet-200' : 'border-slate-300',
        status === 'PAUSED' && 'ring-4 ring-amber-300',
        status === 'FAILED' && 'border-red-500',
      )}
    >
      <div className="flex items-center gap-2 border-b border-slate-100 px-3 py-2">
        <Icon className="h-4 w-4 text-brand" />
        <span className="flex-1 truncate text-sm font-medium">{data.name}</span>
        {data.has_breakpoint && <CircleDot aria-label="breakpoint" className="h-4 w-4 text-red-500" />}
        {status && <StatusBadge status={status} />}
      </div>
      {children && <div className="px-3 pt-1.5 text-[11px] text-slate-700">{children}</div>}
      <div className="flex justify-between px-3 py-1.5 text-[11px] text-slate-500">
        <span>{spec?.label ?? data.type}</span>
        {cost !== undefined ? <span data-testid="node-cost" className="font-medium text-slate-700">${cost.toFixed(3)}</span>
          : estimate !== undefined && <span title="estimated cost">~${estimate.toFixed(3)}</span>}
      </div>
      {state?.error_message && status === 'FAILED' && <div className="mx-2 mb-2 rounded bg-red-50 p-1.5 text-[11px] text-red-700">{state.error_message.split('\n')[0]}</div>}
      {inputs.map((p, i) => (
        <Handle key={p.name} id={p.name} type="target" position={Position.Left} style={{ top: 20 + i * 18 }} title={p.label} />
      ))}
      {outputs.map((p, i) => (
        <Handle key={p.name} id={p.name} type="source" position={Position.Right} style={{ top: 20 + i * 18 }} title={p.label} />
      ))}
    </div>
  );
}
