import { ChevronLeft, ChevronRight, Download, X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { useModelLabel } from '../../stores/catalog';
import { SafeZoneOverlay } from '../creatives/SafeZoneOverlay';
import { captionOf, type GalleryImage } from './gallery';

/**
 * Lightbox shows one final image large, with its caption (prompt, then
 * model, seed, size and cost per image) and its download. The arrow keys
 * (and the buttons) go to the previous and next image, wrapping around;
 * Escape closes it. index is the image shown, null when closed. With
 * showSafe, the image's placement's safe zone is shaded over it.
 */
export function Lightbox({ images, index, onIndex, showSafe = false }: { images: GalleryImage[]; index: number | null; onIndex: (i: number | null) => void; showSafe?: boolean }) {
  const modelLabel = useModelLabel();
  const im = index === null ? undefined : images[index];
  const n = images.length;
  /** go moves by step images, wrapping around. */
  const go = (step: number) => index !== null && onIndex((index + step + n) % n);
  /** onKeyDown goes back and forth with the arrow keys. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else return;
    e.preventDefault();
  };
  const nav = 'absolute top-1/2 -translate-y-1/2 rounded-full bg-white/90 shadow';
  return (
    <Dialog open={!!im} onOpenChange={(o) => !o && onIndex(null)}>
      <DialogContent className="max-w-[min(72rem,calc(100vw-2rem))] p-4" onKeyDown={onKeyDown} data-testid="lightbox">
        {im && (
          <>
            <div className="mb-2 flex items-center gap-2 pr-1">
              <DialogTitle className="flex-1 text-sm">Ad {index! + 1} of {n}</DialogTitle>
              <Button asChild variant="outline" size="sm">
                <a href={im.url} download={im.fileName} data-testid="lightbox-download"><Download className="h-4 w-4" /> Download</a>
              </Button>
              <DialogClose asChild>
                <Button variant="ghost" size="icon" aria-label="Close"><X className="h-4 w-4" /></Button>
              </DialogClose>
            </div>
            <div className="relative flex justify-center rounded bg-slate-100">
              <span className="relative">
                <img src={im.url} alt={im.prompt ?? `Final ad ${index! + 1}`} className="block max-h-[68vh] w-auto object-contain" data-testid="lightbox-image"
                  style={{ aspectRatio: `${im.width} / ${im.height}` }} />
                {showSafe && <SafeZoneOverlay safe={im.safe} />}
              </span>
              {n > 1 && (
                <>
                  <Button variant="ghost" size="icon" className={`${nav} left-2`} onClick={() => go(-1)} aria-label="Previous image (←)"><ChevronLeft className="h-5 w-5" /></Button>
                  <Button variant="ghost" size="icon" className={`${nav} right-2`} onClick={() => go(1)} aria-label="Next image (→)"><ChevronRight className="h-5 w-5" /></Button>
                </>
              )}
            </div>
            <DialogDescription className="line-clamp-3 text-slate-800" data-testid="lightbox-prompt" title={im.prompt}>{im.prompt ?? 'No prompt recorded for this image.'}</DialogDescription>
            <p className="mt-1 text-xs text-slate-500" data-testid="lightbox-caption">{captionOf(im, modelLabel)}</p>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
