import { Loader2, Maximize2 } from 'lucide-react';
import { useState } from 'react';
import type { LayoutPreviewBody, Placement } from '../../api/types';
import { cn } from '../../lib/cn';
import { LayoutPreviewDialog } from './LayoutPreviewDialog';
import { placementTitle, sizeText } from './placements';
import { useLayoutPreview } from './useLayoutPreview';

/**
 * LayoutPreview shows a layout drawn at one placement on a sample picture,
 * live as its settings change, named by the placement and its size; when
 * the words do not fit, the server's reason shows under the last picture
 * that worked. A null body (nothing to draw yet) shows why instead; a new
 * version draws it again. A drawn preview is a button: it opens the same
 * layout drawn large in a dialog.
 */
export function LayoutPreview({ body, placement, empty, version }: { body: LayoutPreviewBody | null; placement: Placement | undefined; empty?: string; version?: string }) {
  const p = useLayoutPreview(body, version);
  const ratio = placement ? `${placement.width} / ${placement.height}` : '1 / 1';
  const name = placement ? placementTitle(placement) : body?.placement ?? '';
  const [large, setLarge] = useState(false);
  return (
    <figure className="min-w-0" data-testid="layout-preview" data-placement={body?.placement} data-state={p.error ? 'error' : p.url ? 'ready' : 'waiting'}>
      <div className="relative overflow-hidden rounded border border-slate-200 bg-slate-100" style={{ aspectRatio: ratio }}>
        {p.url && (
          <button type="button" onClick={() => setLarge(true)} disabled={!body} aria-label={`Enlarge the preview at ${name}`} title="Enlarge" data-testid="layout-preview-enlarge"
            className="group block h-full w-full cursor-zoom-in focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand">
            <img src={p.url} alt={`Preview at ${name}`} className={cn('h-full w-full object-cover', p.error && 'opacity-40')} />
            <Maximize2 className="absolute bottom-1 right-1 h-5 w-5 rounded bg-white/90 p-0.5 text-slate-700 opacity-80 shadow group-hover:opacity-100" aria-hidden />
          </button>
        )}
        {p.loading && <Loader2 className="absolute right-1 top-1 h-4 w-4 animate-spin text-brand" aria-label="Drawing the preview" />}
        {!body && empty && <p className="absolute inset-0 flex items-center justify-center p-2 text-center text-[11px] text-slate-500">{empty}</p>}
      </div>
      <figcaption className="mt-0.5 text-[11px] text-slate-600">
        <span className="block truncate" title={name}>{name}</span>
        {placement && <span className="tabular-nums text-slate-500">{sizeText(placement)}</span>}
        {p.error && <span role="alert" className="block text-red-600" data-testid="preview-error">{p.error}</span>}
      </figcaption>
      <LayoutPreviewDialog body={large ? body : null} placement={placement} name={name} onClose={() => setLarge(false)} />
    </figure>
  );
}
