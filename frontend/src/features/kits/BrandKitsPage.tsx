import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { BrandKit } from '../../api/types';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { KitEditor } from './KitEditor';
import { useBrandKits } from './useBrandKits';
import { problemText } from '../../api/problemText';

/** KitItem is one kit of the list: its logo, name and colours; a button that opens it. */
function KitItem({ kit, current, onOpen }: { kit: BrandKit; current: boolean; onOpen: () => void }) {
  return (
    <li>
      <button type="button" onClick={onOpen} aria-current={current ? 'true' : undefined} data-testid="kit-item"
        className={cn('flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand', current && 'bg-violet-50 font-medium')}>
        <span className="flex h-8 w-8 shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-white">
          {kit.logo_url && <img src={kit.logo_url} alt="" className="max-h-full max-w-full object-contain" />}
        </span>
        <span className="min-w-0 flex-1 truncate">{kit.name}</span>
        <span className="h-4 w-4 shrink-0 rounded-full border border-slate-300" style={{ background: kit.primary_color }} title={`Button ${kit.primary_color}`} />
      </button>
    </li>
  );
}

/**
 * BrandKitsPage lists the user's brand kits and edits one at a time (or a
 * new one): the look an Ad layout gives every final ad.
 */
export function BrandKitsPage() {
  const kits = useBrandKits();
  // 'new' is the form for a new kit; null follows the list (its first kit, or a new one when there is none).
  const [chosen, setChosen] = useState<string | null>(null);
  const list = kits.data ?? [];
  const open = chosen === 'new' ? null : list.find((k) => k.id === chosen) ?? (chosen === null ? list[0] ?? null : null);
  const editorKey = open?.id ?? 'new';
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto max-w-5xl p-8">
        <h1 className="mb-1 text-2xl font-bold">Brand kits</h1>
        <p className="mb-6 text-sm text-slate-600">Your logo, colours and fonts. Pick a kit in an Ad layout node to lay its words on every final ad in this look.</p>
        {kits.isLoading ? <p className="text-sm text-slate-500">Loading…</p> : (
          <div className="grid gap-8 md:grid-cols-[14rem_minmax(0,1fr)]">
            <nav aria-label="Your brand kits" className="space-y-2">
              <Button type="button" variant="outline" className="w-full justify-start" onClick={() => setChosen('new')} data-testid="kit-new"><Plus className="h-4 w-4" /> New kit</Button>
              {list.length === 0 && <p className="px-2 text-xs text-slate-500" data-testid="no-kits">No kits yet: make your first on the right.</p>}
              <ul className="space-y-0.5">
                {list.map((k) => <KitItem key={k.id} kit={k} current={k.id === open?.id} onOpen={() => setChosen(k.id)} />)}
              </ul>
            </nav>
            <section aria-label={open ? open.name : 'New kit'} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="mb-4 text-lg font-semibold">{open ? open.name : 'New kit'}</h2>
              <KitEditor key={editorKey} kit={open} onSaved={(k) => setChosen(k.id)} onDeleted={() => setChosen(null)} />
            </section>
          </div>
        )}
        {kits.isError && <p role="alert" className="mt-4 text-sm text-red-600">The kits could not be loaded. {problemText(kits.error)}</p>}
      </div>
    </main>
  );
}
