import type { UsageGroup } from '../../api/types';
import { money } from '../../lib/money';
import { byCost } from './usage';

/**
 * UsageTable lists a period's spend by workflow or by model, most first,
 * with images made, and for workflows the runs and the nodes that reused
 * an earlier output instead of paying (a model's row has no runs of its
 * own). name writes a row's key for people (a model's id as its label).
 */
export function UsageTable({ title, keyLabel, groups, perRun, loading, name = (k) => k }: {
  title: string;
  keyLabel: string;
  groups: UsageGroup[];
  perRun: boolean;
  loading: boolean;
  name?: (key: string) => string;
}) {
  const rows = byCost(groups);
  const cell = 'px-2 py-1 text-right tabular-nums';
  return (
    <section aria-label={title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="text-xs text-slate-500">{loading ? 'Loading…' : 'Nothing spent in this period.'}</p> : (
        <table className="w-full text-xs" data-testid={`usage-table-${keyLabel.toLowerCase()}`}>
          <thead className="text-slate-500">
            <tr className="border-b border-slate-100">
              <th scope="col" className="px-2 py-1 text-left font-medium">{keyLabel}</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">Spend</th>
              <th scope="col" className="px-2 py-1 text-right font-medium">Images</th>
              {perRun && <th scope="col" className="px-2 py-1 text-right font-medium">Runs</th>}
              {perRun && <th scope="col" className="px-2 py-1 text-right font-medium" title="Nodes that reused an earlier output instead of paying">Nodes reused</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key} className="border-b border-slate-50 last:border-0">
                <th scope="row" className="max-w-0 truncate px-2 py-1 text-left font-normal" title={g.key}>{name(g.key)}</th>
                <td className={cell}>{money(g.cost)}</td>
                <td className={cell}>{g.images}</td>
                {perRun && <td className={cell}>{g.runs}</td>}
                {perRun && <td className={cell}>{g.reused}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
