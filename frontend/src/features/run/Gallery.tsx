import { Download, TriangleAlert } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useRun } from '../../stores/run';
import { galleryOf, type GalleryImage } from './gallery';
import { Lightbox } from './Lightbox';

/**
 * Thumb is one final image in the strip: a button that opens it in the
 * lightbox (its alt text is its prompt), as tall as the strip allows at its
 * own aspect ratio, with its download under the name it will have.
 */
function Thumb({ im, n, total, onOpen }: { im: GalleryImage; n: number; total: number; onOpen: () => void }) {
  return (
    <figure className="relative h-full shrink-0" data-testid="gallery-item">
      <button type="button" onClick={onOpen} className="block h-full rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        aria-label={`Open ad ${n} of ${total} (${im.placement ?? im.ratio})`}>
        <img src={im.url} alt={im.prompt ?? `Final ad ${n}`} loading="lazy" style={{ aspectRatio: `${im.width} / ${im.height}` }}
          className="h-full w-auto rounded-md border bg-slate-100 object-cover shadow" />
      </button>
      <a href={im.url} download={im.fileName} className="absolute right-1 top-1 rounded bg-white/90 p-1 shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        title={`Download ${im.fileName}`} aria-label={`Download ${im.fileName}`}>
        <Download className="h-3.5 w-3.5" />
      </a>
    </figure>
  );
}

/**
 * Gallery shows the shown run's final images as a strip of large
 * thumbnails that open in a lightbox (with prompt, model, seed, size and
 * cost), each downloadable under a readable name; above them, how many
 * there are and what an Output that received fewer than it asked for says.
 */
export function Gallery({ workflowName }: { workflowName: string }) {
  const nodes = useRun((s) => s.nodes);
  const generations = useRun((s) => s.execution?.generations ?? null);
  const { images, shortfalls } = useMemo(() => galleryOf(nodes, generations, workflowName), [nodes, generations, workflowName]);
  const [open, setOpen] = useState<number | null>(null);
  if (images.length === 0 && shortfalls.length === 0) {
    return <p className="p-4 text-sm text-slate-500">The final ad images appear here after a run, ready to download.</p>;
  }
  return (
    <div className="flex h-full flex-col" data-testid="gallery">
      <div className="flex shrink-0 items-center gap-3 px-3 pt-2 text-xs text-slate-600">
        <span className="shrink-0 font-medium" data-testid="gallery-count">{images.length === 1 ? '1 final ad' : `${images.length} final ads`}</span>
        {shortfalls.map((s) => (
          <span key={s.nodeId} className="flex min-w-0 items-center gap-1.5 text-amber-800" data-testid="gallery-short" title={s.text}>
            <TriangleAlert className="h-3.5 w-3.5 shrink-0" aria-label="Warning" /><span className="truncate">{s.text}</span>
          </span>
        ))}
      </div>
      <div className="flex min-h-0 flex-1 gap-3 overflow-x-auto p-3" aria-label={`${images.length} final ad images`} role="list">
        {images.map((im, i) => (
          <div role="listitem" key={im.url} className="h-full shrink-0">
            <Thumb im={im} n={i + 1} total={images.length} onOpen={() => setOpen(i)} />
          </div>
        ))}
      </div>
      <Lightbox images={images} index={open} onIndex={setOpen} />
    </div>
  );
}
