import { Download } from 'lucide-react';
import { ThumbImage } from '../../components/ui/thumb-image';
import { SafeZoneOverlay } from '../creatives/SafeZoneOverlay';
import type { GalleryImage } from './gallery';
import { stripSizes } from './stripSizes';

/**
 * GalleryThumb is one final image in the strip: a button that opens it in
 * the lightbox (its alt text is its prompt), as tall as the strip allows at
 * its own aspect ratio, with its download under the name it will have and,
 * when asked, its placement's safe zone over it. It loads the smallest
 * thumbnail sharp at that size, lazily, but for the page's largest paint
 * (eager), which loads at once and first.
 */
export function GalleryThumb({ im, n, total, showSafe, eager, onOpen }: { im: GalleryImage; n: number; total: number; showSafe: boolean; eager: boolean; onOpen: () => void }) {
  return (
    <figure className="relative h-full shrink-0" data-testid="gallery-item" data-placement={im.placement}>
      <button type="button" onClick={onOpen} className="relative block h-full rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        aria-label={`Open ad ${n} of ${total} (${im.format ?? im.placement ?? im.ratio})`}>
        <ThumbImage src={im.url} naturalWidth={im.width} sizes={stripSizes(im.width, im.height)}
          alt={im.prompt ?? `Final ad ${n}`} loading={eager ? 'eager' : 'lazy'} fetchPriority={eager ? 'high' : 'auto'} style={{ aspectRatio: `${im.width} / ${im.height}` }}
          className="h-full w-auto rounded-md border bg-slate-100 object-cover shadow" />
        {showSafe && <SafeZoneOverlay safe={im.safe} />}
      </button>
      <a href={im.url} download={im.fileName} className="absolute right-1 top-1 flex h-8 w-8 items-center justify-center rounded bg-white/90 shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        title={`Download ${im.fileName}`} aria-label={`Download ${im.fileName}`}>
        <Download className="h-4 w-4" />
      </a>
    </figure>
  );
}
