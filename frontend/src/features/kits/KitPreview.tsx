import { useState } from 'react';
import { Input, Select } from '../../components/ui/input';
import { usePlacements } from '../../stores/placements';
import { LayoutPreview } from '../creatives/LayoutPreview';
import { FALLBACK_PLACEMENT } from '../creatives/layoutTargets';
import { groupByPlatform, sizeText } from '../creatives/placements';
import { previewKit, type KitDraft } from './kitForm';
import { limits } from '../../api/limits.gen';

/** sample is the ad the kit is previewed with until the user writes their own. */
const sample = { headline: 'Red canvas sneakers', subline: 'Spring collection, now 20% off', cta: 'Shop now' };

/**
 * KitPreview draws an ad in the kit's look on a sample picture, live as the
 * form is edited (saved or not), its sample words and placement change. A
 * draft the server would refuse (a colour not written #rrggbb) keeps the
 * last good picture and says what to fix.
 */
export function KitPreview({ draft }: { draft: KitDraft }) {
  const { list, byId } = usePlacements();
  const [placement, setPlacement] = useState(FALLBACK_PLACEMENT);
  const [copy, setCopy] = useState(sample);
  const kit = previewKit(draft);
  const body = copy.headline.trim() && kit
    ? { placement, headline: copy.headline, subline: copy.subline || undefined, cta: copy.cta || undefined, kit, width: 360 }
    : null;
  const edit = (k: keyof typeof sample) => (e: React.ChangeEvent<HTMLInputElement>) => setCopy({ ...copy, [k]: e.target.value });
  return (
    <section aria-labelledby="kit-preview-title" className="space-y-2" data-testid="kit-preview">
      <h2 id="kit-preview-title" className="text-sm font-semibold">Preview</h2>
      {!kit && (
        <p className="rounded bg-amber-50 px-2 py-1 text-[11px] text-amber-800" data-testid="kit-preview-note">
          Write colours as #rrggbb (e.g. #ff5a1f) to see them here.
        </p>
      )}
      <label className="block text-xs font-medium text-slate-700">
        Placement
        <Select className="mt-1" value={placement} onChange={(e) => setPlacement(e.target.value)} data-testid="kit-preview-placement">
          {groupByPlatform(list).map((g) => (
            <optgroup key={g.platform} label={g.platform}>
              {g.placements.map((p) => <option key={p.id} value={p.id}>{p.name} · {sizeText(p)}</option>)}
            </optgroup>
          ))}
        </Select>
      </label>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-xs font-medium text-slate-700">Sample words</legend>
        <Input aria-label="Sample headline" placeholder="Headline" value={copy.headline} onChange={edit('headline')} maxLength={limits.LayoutPreviewInputBody.headline.maxLength} data-testid="kit-preview-headline" />
        <Input aria-label="Sample subline" placeholder="Subline" value={copy.subline} onChange={edit('subline')} maxLength={limits.LayoutPreviewInputBody.subline.maxLength} />
        <Input aria-label="Sample call to action" placeholder="Call to action" value={copy.cta} onChange={edit('cta')} maxLength={limits.LayoutPreviewInputBody.cta.maxLength} />
      </fieldset>
      <div className="mx-auto max-w-[300px]">
        <LayoutPreview body={body} placement={byId[placement]} empty={kit ? 'Write a headline to see it.' : undefined} />
      </div>
    </section>
  );
}
