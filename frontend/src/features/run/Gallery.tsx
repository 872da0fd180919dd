import { Download } from 'lucide-react';
import { asRecord } from '../../lib/record';
import { useRun } from '../../stores/run';

/** Gallery shows the final images of the run's output nodes, each at its aspect ratio, with download. */
export function Gallery() {
  const nodes = useRun((s) => s.nodes);
  const images: { url: string; w: number; h: number }[] = [];
  for (const n of Object.values(nodes)) {
    const out = asRecord(n.output_data);
    for (const url of Array.isArray(out.final_images) ? (out.final_images as string[]) : []) {
      images.push({ url, w: Number(out.width ?? 1), h: Number(out.height ?? 1) });
    }
  }
  if (images.length === 0) return <p className="p-4 text-sm text-slate-500">The final ad images appear here after a run, ready to download.</p>;
  return (
    <div className="flex gap-3 overflow-x-auto p-3" data-testid="gallery">
      {images.map((im) => (
        <figure key={im.url} className="relative shrink-0">
          <img src={im.url} alt="Generated ad" style={{ aspectRatio: `${im.w} / ${im.h}` }} className="h-40 rounded-md border object-cover shadow" />
          <a href={im.url} download className="absolute right-1 top-1 rounded bg-white/90 p-1 shadow" title="Download">
            <Download className="h-3.5 w-3.5" />
          </a>
        </figure>
      ))}
    </div>
  );
}
