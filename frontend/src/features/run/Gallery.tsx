import { TriangleAlert } from 'lucide-react';
import { useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { usePersistentFlag } from '../../lib/usePersistentFlag';
import { usePlacements } from '../../stores/placements';
import { useRun } from '../../stores/run';
import { isLive } from '../../stores/status';
import { DownloadAll } from './DownloadAll';
import { galleryOf } from './gallery';
import { groupGallery, widest } from './galleryGroups';
import { GalleryThumb } from './GalleryThumb';
import { Lightbox } from './Lightbox';

/**
 * Gallery shows the shown run's final images as a strip of large
 * thumbnails grouped by placement (platform, name and size) or ratio,
 * that open in a lightbox (with prompt, model, seed, size and cost), each
 * downloadable under a readable name. Above them: how many there are, what
 * an Output that received fewer than it asked for says, a switch that shows
 * each placement's safe zone, and a download of them all as a zip.
 */
export function Gallery({ workflowName }: { workflowName: string }) {
  const nodes = useRun((s) => s.nodes);
  const executionId = useRun((s) => s.execution?.id ?? null);
  const live = useRun((s) => isLive(s.execution?.status));
  const generations = useRun((s) => s.execution?.generations ?? null);
  const finals = useRun((s) => s.execution?.finals ?? null);
  const { list } = usePlacements();
  const { images, shortfalls } = useMemo(() => galleryOf(nodes, generations, workflowName, finals), [nodes, generations, workflowName, finals]);
  const groups = useMemo(() => groupGallery(images, list), [images, list]);
  const ordered = useMemo(() => groups.flatMap((g) => g.images), [groups]);
  const largest = useMemo(() => widest(ordered), [ordered]);
  const [open, setOpen] = useState<number | null>(null);
  const [showSafe, setShowSafe] = usePersistentFlag('visualadgen.gallery.safe-zone', false);
  if (images.length === 0 && shortfalls.length === 0) {
    return <p className="p-4 text-sm text-slate-500">The final ad images appear here after a run, ready to download.</p>;
  }
  const placed = groups.some((g) => g.hasPlacement);
  // One group at a plain ratio needs no title: the strip looks as it did before placements.
  const titled = placed || groups.length > 1;
  return (
    <div className="flex h-full flex-col" data-testid="gallery">
      <div className="flex shrink-0 items-center gap-3 px-3 pt-2 text-xs text-slate-600">
        <span className="shrink-0 font-medium" data-testid="gallery-count">{images.length === 1 ? '1 final ad' : `${images.length} final ads`}</span>
        {shortfalls.map((s) => (
          <span key={s.nodeId} className="flex min-w-0 items-center gap-1.5 text-amber-800" data-testid="gallery-short" title={s.text}>
            <TriangleAlert className="h-3.5 w-3.5 shrink-0" aria-label="Warning" /><span className="truncate">{s.text}</span>
          </span>
        ))}
        <span className="flex-1" />
        {placed && (
          <label className="flex shrink-0 items-center gap-1.5" title="Shade the margins each platform covers with its own buttons and captions">
            <input type="checkbox" checked={showSafe} onChange={(e) => setShowSafe(e.target.checked)} data-testid="safe-zone-toggle" /> Show safe zone
          </label>
        )}
        {executionId && !live && images.length > 0 && <DownloadAll executionId={executionId} workflowName={workflowName} />}
      </div>
      <div className="flex min-h-0 flex-1 gap-5 overflow-x-auto p-3 pt-2" aria-label={`${images.length} final ad images`}>
        {groups.map((g) => (
          <section key={g.key} className="flex h-full shrink-0 flex-col" aria-label={`${g.title}, ${g.size}`} data-testid="gallery-group">
            {titled && (
              <h3 className="flex h-5 shrink-0 items-baseline gap-1.5 whitespace-nowrap text-xs">
                <span className="font-semibold text-slate-700">{g.title}</span>
                <span className="tabular-nums text-slate-500">{g.size}</span>
              </h3>
            )}
            {/* A height the thumbnails can take a share of (not flex-1), so their width follows it. */}
            <div className={cn('flex gap-3', titled ? 'h-[calc(100%-1.25rem)]' : 'h-full')} role="list">
              {g.images.map((im, i) => (
                <div role="listitem" key={im.url} className="h-full shrink-0">
                  <GalleryThumb im={im} n={g.start + i + 1} total={images.length} showSafe={showSafe} eager={g.start + i === largest} onOpen={() => setOpen(g.start + i)} />
                </div>
              ))}
            </div>
          </section>
        ))}
      </div>
      <Lightbox images={ordered} index={open} onIndex={setOpen} showSafe={showSafe} />
    </div>
  );
}
