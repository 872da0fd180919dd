import { usePlacements } from '../../stores/placements';
import { groupByPlatform, sizeText } from '../creatives/placements';
import type { CustomFieldProps } from './SchemaForm';

/**
 * PlacementPicker is OUTPUT's placements field: a checkbox per platform
 * format, grouped under its platform, each with its size in pixels. The
 * value lists the chosen ids in the catalog's order; none chosen leaves the
 * field unset (the Output then uses its aspect ratio).
 */
export function PlacementPicker({ name, value, onChange, invalid, describedBy }: CustomFieldProps) {
  const { list, loading } = usePlacements();
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  /** toggle adds or removes one placement, keeping ids the catalog no longer has. */
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    const ordered = [...list.filter((p) => next.has(p.id)).map((p) => p.id), ...chosen.filter((c) => next.has(c) && !list.some((p) => p.id === c))];
    onChange(ordered.length > 0 ? ordered : undefined);
  };
  if (loading) return <p className="text-[11px] text-slate-500">Loading the platforms…</p>;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-2 aria-[invalid=true]:border-red-500" aria-invalid={invalid} aria-describedby={describedBy} data-testid="placement-picker">
      {groupByPlatform(list).map((g) => (
        <div key={g.platform} role="group" aria-label={g.platform}>
          <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{g.platform}</p>
          {g.placements.map((p) => (
            <label key={p.id} className="flex items-center gap-2 py-0.5 text-xs font-normal text-slate-700" title={p.source}>
              <input type="checkbox" name={name} value={p.id} checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)}
                data-testid={`placement-${p.id}`} />
              <span className="min-w-0 flex-1 truncate">{p.name}</span>
              <span className="shrink-0 tabular-nums text-slate-500">{sizeText(p)}</span>
            </label>
          ))}
        </div>
      ))}
    </div>
  );
}
