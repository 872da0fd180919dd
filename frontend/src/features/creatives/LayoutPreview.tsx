import { Loader2 } from 'lucide-react';
import type { LayoutPreviewBody, Placement } from '../../api/types';
import { cn } from '../../lib/cn';
import { placementTitle, sizeText } from './placements';
import { useLayoutPreview } from './useLayoutPreview';

/**
 * LayoutPreview shows a layout drawn at one placement on a sample picture,
 * live as its settings change, named by the placement and its size; when
 * the words do not fit, the server's reason shows under the last picture
 * that worked. A null body (nothing to draw yet) shows why instead; a new
 * version draws it again.
 */
export function LayoutPreview({ body, placement, empty, version }: { body: LayoutPreviewBody | null; placement: Placement | undefined; empty?: string; version?: string }) {
  const p = useLayoutPreview(body, version);
  const ratio = placement ? `${placement.width} / ${placement.height}` : '1 / 1';
  const name = placement ? placementTitle(placement) : body?.placement ?? '';
  return (
    <figure className="min-w-0" data-testid="layout-preview" data-placement={body?.placement} data-state={p.error ? 'error' : p.url ? 'ready' : 'waiting'}>
      <div className="relative overflow-hidden rounded border border-slate-200 bg-slate-100" style={{ aspectRatio: ratio }}>
        {p.url && <img src={p.url} alt={`Preview at ${name}`} className={cn('h-full w-full object-cover', p.error && 'opacity-40')} />}
        {p.loading && <Loader2 className="absolute right-1 top-1 h-4 w-4 animate-spin text-brand" aria-label="Drawing the preview" />}
        {!body && empty && <p className="absolute inset-0 flex items-center justify-center p-2 text-center text-[11px] text-slate-500">{empty}</p>}
      </div>
      <figcaption className="mt-0.5 text-[11px] text-slate-600">
        <span className="block truncate" title={name}>{name}</span>
        {placement && <span className="tabular-nums text-slate-500">{sizeText(placement)}</span>}
        {p.error && <span role="alert" className="block text-red-600" data-testid="preview-error">{p.error}</span>}
      </figcaption>
    </figure>
  );
}
