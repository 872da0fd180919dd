import type { NodeExecution } from '../../api/types';
import { StatusBadge } from '../../components/ui/badge';
import { asSentence, plain } from '../../api/problemText';
import { asRecord } from '../../lib/record';
import { money } from '../../lib/money';

/** NodeOutput shows what a node produced (prompt text, trends, images, or raw data), and whether it reused an earlier output. */
export function NodeOutput({ state }: { state: NodeExecution }) {
  const out = asRecord(state.output_data);
  const list = out.final_images ?? out.image_urls;
  const images = Array.isArray(list) ? (list as string[]) : undefined;
  return (
    <section className="space-y-2 border-t border-slate-100 pt-3" data-testid="node-output">
      <div className="flex items-center gap-2 text-xs font-semibold text-slate-600">
        Last run <StatusBadge status={state.status} />
      </div>
      {state.reused_from && <p className="text-xs text-teal-800" data-testid="output-reused">Reused an earlier output of yours with the same inputs: nothing was paid.</p>}
      {state.error_message && (
        <p className="rounded bg-red-50 p-2 text-[11px] text-red-700" title={state.error_message}>{asSentence(plain(state.error_message))}</p>
      )}
      {typeof out.prompt === 'string' && <blockquote className="rounded bg-violet-50 p-2 text-sm italic">{out.prompt}</blockquote>}
      {typeof out.text === 'string' && <p className="rounded bg-slate-50 p-2 text-sm">{out.text}</p>}
      {Array.isArray(out.trends) && (
        <div className="flex flex-wrap gap-1">
          {(out.trends as string[]).map((t) => (
            <span key={t} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">#{t}</span>
          ))}
        </div>
      )}
      {images && (
        <div className="grid grid-cols-2 gap-1">
          {images.map((u) => (
            <img key={u} src={u} alt="" className="rounded border object-cover" />
          ))}
        </div>
      )}
      {typeof out.cost === 'number' && <p className="text-xs text-slate-600">Cost: {money(out.cost)}</p>}
      <details className="text-[11px] text-slate-500">
        <summary>Raw output</summary>
        <pre className="max-h-48 overflow-auto whitespace-pre-wrap">{JSON.stringify(out, null, 2)}</pre>
      </details>
    </section>
  );
}
