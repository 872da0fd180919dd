import { useCatalog } from '../../stores/catalog';
import { addFromSpec } from './addNode';
import { iconFor } from './nodes/icons';

/** Palette lists the node types from the catalog; drag one onto the canvas or click to add it. */
export function Palette() {
  const { specs } = useCatalog();
  return (
    <aside className="w-52 shrink-0 space-y-2 overflow-y-auto border-r border-slate-200 bg-white p-3">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Nodes</h2>
      {specs.map((s) => {
        const Icon = iconFor(s.icon);
        return (
          <button
            key={s.type}
            draggable
            onDragStart={(e) => e.dataTransfer.setData('application/visualadgen-node', s.type)}
            onClick={() => addFromSpec(s)}
            data-testid={`palette-${s.type}`}
            className="block w-full cursor-grab rounded-md border border-slate-200 p-2 text-left hover:border-brand hover:bg-violet-50"
          >
            <div className="flex items-center gap-1.5 text-sm font-medium"><Icon className="h-3.5 w-3.5 text-brand" />{s.label}</div>
            <div className="text-[11px] leading-snug text-slate-500">{s.description}</div>
          </button>
        );
      })}
    </aside>
  );
}
