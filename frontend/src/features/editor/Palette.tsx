import type { NodeSpec } from '../../api/types';
import { SidePanel } from '../../components/ui/side-panel';
import { cn } from '../../lib/cn';
import { useCatalog } from '../../stores/catalog';
import { DRAG_TYPE } from './addNode';
import { iconFor } from './nodes/icons';
import { useAddNode } from './useAddNode';

/**
 * PaletteItem is one node type: a button that adds it (click, Enter or
 * Space) or can be dragged onto the canvas, named by what it shows ("Add"
 * before it for screen readers); compact shows only its icon. A
 * type this server cannot fully run (the catalog's notice) carries an amber
 * dot, the notice in its tooltip and its description for screen readers.
 */
function PaletteItem({ spec, compact, onAdd }: { spec: NodeSpec; compact: boolean; onAdd: () => void }) {
  const Icon = iconFor(spec.icon);
  return (
    <button
      type="button"
      draggable
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, spec.type)}
      onClick={onAdd}
      data-testid={`palette-${spec.type}`}
      aria-label={compact ? `Add ${spec.label}` : undefined}
      aria-description={spec.notice}
      title={`${spec.label}: ${spec.description}${spec.notice ? `\n\n⚠ ${spec.notice}` : ''}`}
      className={cn(
        'relative block w-full cursor-grab rounded-md border border-slate-200 text-left hover:border-brand hover:bg-violet-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand',
        compact ? 'flex h-8 items-center justify-center' : 'px-2 py-1.5',
      )}
    >
      {spec.notice && <span className="absolute right-1 top-1 h-2 w-2 rounded-full bg-amber-500" data-testid="palette-notice" aria-hidden />}
      {compact ? <Icon className="h-4 w-4 text-brand" /> : (
        <>
          <span className="flex items-center gap-1.5 text-sm font-medium"><Icon className="h-3.5 w-3.5 shrink-0 text-brand" aria-hidden /><span className="sr-only">Add </span>{spec.label}</span>
          <span className="line-clamp-2 text-[11px] leading-snug text-slate-600">{spec.description}</span>
        </>
      )}
    </button>
  );
}

/** Palette lists the node types from the catalog; click one to add it, or drag it onto the canvas. It collapses to a rail of icons. */
export function Palette() {
  const { specs } = useCatalog();
  const add = useAddNode();
  /** list is the node types as buttons, full or as icons (the collapsed rail). */
  const list = (compact: boolean) => (
    <div className={cn('space-y-1.5', compact ? 'p-1.5' : 'p-2')}>
      {specs.map((s) => <PaletteItem key={s.type} spec={s} compact={compact} onAdd={() => add(s)} />)}
    </div>
  );
  return (
    <SidePanel side="left" title="Nodes" label="node list" storageKey="visualadgen.palette.open" width="w-48" rail={list(true)}>
      {list(false)}
    </SidePanel>
  );
}
