import { Loader2, X } from 'lucide-react';
import { limits } from '../../api/limits.gen';
import type { LayoutPreviewBody, Placement } from '../../api/types';
import { Button } from '../../components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { useLayoutPreview } from './useLayoutPreview';

/** LARGE_WIDTH is the enlarged preview's width in pixels: as wide as the API draws one, and sharp at the dialog's size. */
const LARGE_WIDTH = Math.min(720, limits.LayoutPreviewInputBody.width.maximum);

/**
 * LayoutPreviewDialog shows one layout preview large, drawn again at
 * LARGE_WIDTH (not the small picture scaled up); body is what the small
 * one draws, null while closed. Escape or Close leaves it.
 */
export function LayoutPreviewDialog({ body, placement, name, onClose }: { body: LayoutPreviewBody | null; placement: Placement | undefined; name: string; onClose: () => void }) {
  const p = useLayoutPreview(body && { ...body, width: LARGE_WIDTH }, undefined, 0);
  const ratio = placement ? `${placement.width} / ${placement.height}` : '1 / 1';
  return (
    <Dialog open={body !== null} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-[min(48rem,calc(100vw-2rem))] p-4" data-testid="layout-preview-dialog">
        <div className="mb-2 flex items-center gap-2">
          <DialogTitle className="flex-1 text-sm">Preview at {name}</DialogTitle>
          <DialogClose asChild>
            <Button variant="ghost" size="icon" aria-label="Close"><X className="h-4 w-4" /></Button>
          </DialogClose>
        </div>
        <DialogDescription className="sr-only">The layout drawn on a sample picture at this placement&apos;s size.</DialogDescription>
        <div className="relative mx-auto max-h-[75vh] overflow-hidden rounded border border-slate-200 bg-slate-100" style={{ aspectRatio: ratio, maxWidth: `calc(75vh * ${placement ? placement.width / placement.height : 1})` }}>
          {p.url && <img src={p.url} alt={`Preview at ${name}, enlarged`} className="h-full w-full object-contain" />}
          {p.loading && <Loader2 className="absolute right-2 top-2 h-5 w-5 animate-spin text-brand" aria-label="Drawing the preview" />}
        </div>
        {p.error && <p role="alert" className="mt-2 text-sm text-red-700">{p.error}</p>}
      </DialogContent>
    </Dialog>
  );
}
