import { useShallow } from 'zustand/react/shallow';
import type { LayoutPreviewBody, NodeConfig } from '../../api/types';
import { useSpec } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { usePlacements } from '../../stores/placements';
import { LayoutPreview } from '../creatives/LayoutPreview';
import { previewPlacements } from '../creatives/layoutTargets';
import { fillKnown, sampleWords } from '../creatives/sampleWords';
import { useBrandKits } from '../kits/useBrandKits';
import { withDefaults } from './nodes/body';

/** PREVIEW_WIDTH is the previews' width in pixels: twice the width they show at, so they stay sharp. */
const PREVIEW_WIDTH = 240;

/**
 * bodyOf is the preview request for a layout's config at one placement,
 * with the words known before a run filled in; null without a headline
 * (nothing to draw).
 */
function bodyOf(c: Partial<NodeConfig<'AD_LAYOUT'>>, placement: string, words: Record<string, string>): LayoutPreviewBody | null {
  if (!c.headline?.trim()) return null;
  const fill = (t: string | undefined) => (t ? fillKnown(t, words) : undefined);
  return {
    placement, headline: fillKnown(c.headline, words), subline: fill(c.subline), cta: fill(c.cta), brand_kit_id: c.brand_kit_id || undefined,
    text_position: c.text_position, logo_position: c.logo_position, scrim: c.scrim, width: PREVIEW_WIDTH,
  };
}

/**
 * LayoutPreviews shows an Ad layout node drawn, live as its form changes,
 * at every placement of the Outputs it feeds on the canvas (the feed square
 * when it feeds none yet), on a sample picture, with the words of connected
 * Text inputs filled in.
 */
export function LayoutPreviews({ id, config }: { id: string; config: Partial<NodeConfig<'AD_LAYOUT'>> }) {
  const spec = useSpec('AD_LAYOUT');
  const { byId } = usePlacements();
  // Only the Outputs' placements and this node's edges matter: moving nodes does not redraw the previews.
  const ids = useGraph(useShallow((s) => previewPlacements(id, s)));
  const words = useGraph(useShallow((s) => sampleWords(id, s)));
  const c = withDefaults(config, spec);
  // A kit saved since is drawn again: its last change is the previews' version.
  const version = useBrandKits().data?.find((k) => k.id === c.brand_kit_id)?.updated_at ?? '';
  return (
    <section aria-label="Layout previews" className="space-y-1.5 border-t border-slate-100 pt-3">
      <h3 className="text-xs font-semibold text-slate-600">Preview</h3>
      <p className="text-[11px] text-slate-500">On a sample picture, with the words of connected Text inputs; other {'{{variables}}'} show as written until a run fills them in.</p>
      <div className="grid grid-cols-2 gap-2">
        {ids.map((p) => <LayoutPreview key={p} body={bodyOf(c, p, words)} placement={byId[p]} version={version} empty="Write a headline to see it." />)}
      </div>
    </section>
  );
}
