import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { BrandKit } from '../../api/types';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { ColorField } from './ColorField';
import { DeleteKitDialog } from './DeleteKitDialog';
import { FontSelect, FontUpload } from './FontFields';
import { blankDraft, bodyOf, checkDraft, draftOf, fieldErrors, patchOf, sameDraft, type FieldErrors, type KitDraft } from './kitForm';
import { KitPreview } from './KitPreview';
import { LogoField } from './LogoField';
import { brandKitsKey } from './useBrandKits';
import { useLeaveGuard } from '../../lib/leaveGuard';
import { problemText } from '../../api/problemText';
import { limits } from '../../api/limits.gen';

/**
 * KitEditor makes a new brand kit (kit null) or changes one: name, logo,
 * button and text colours, headline and body fonts (bundled or uploaded),
 * beside a live preview of the form as it is, saved or not. What the
 * server refuses shows at its field; delete asks first.
 */
export function KitEditor({ kit, onSaved, onDeleted }: { kit: BrandKit | null; onSaved: (k: BrandKit) => void; onDeleted: () => void }) {
  const qc = useQueryClient();
  const saved = kit ? draftOf(kit) : blankDraft;
  const [draft, setDraft] = useState<KitDraft>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [asking, setAsking] = useState(false);
  const dirty = !sameDraft(draft, saved);
  useLeaveGuard(dirty ? 'This brand kit has unsaved changes. Leave without saving them?' : null);
  /** set changes one field and drops its error (it is being fixed). */
  const set = <K extends keyof KitDraft>(k: K, v: KitDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => {
      const next = { ...e };
      delete next[k];
      return next;
    });
  };
  /** refused shows why the server said no. */
  const refused = (err: unknown) => setErrors(err instanceof ApiError ? fieldErrors(err.errors, err.message) : { '': problemText(err) });
  const save = useMutation({
    mutationFn: () => (kit ? api.updateBrandKit(kit.id, patchOf(draft)) : api.createBrandKit(bodyOf(draft))),
    onSuccess: (k) => {
      setErrors({});
      // The list shows the saved kit at once (and so can open it), then is asked for again.
      qc.setQueryData<{ brand_kits: BrandKit[] | null }>(brandKitsKey, (old) => {
        const list = old?.brand_kits ?? [];
        return { brand_kits: list.some((x) => x.id === k.id) ? list.map((x) => (x.id === k.id ? k : x)) : [...list, k] };
      });
      qc.invalidateQueries({ queryKey: brandKitsKey });
      onSaved(k);
    },
    onError: refused,
  });
  const remove = useMutation({
    mutationFn: () => api.deleteBrandKit(kit!.id),
    onSuccess: () => {
      setAsking(false);
      qc.invalidateQueries({ queryKey: brandKitsKey });
      onDeleted();
    },
    onError: (err) => { setAsking(false); refused(err); },
  });
  /** submit checks the form, then saves it. */
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = checkDraft(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form onSubmit={submit} className="space-y-4" aria-label={kit ? `Edit ${kit.name}` : 'New brand kit'} data-testid="kit-form" noValidate>
        <div>
          <label htmlFor="kit-name" className="block text-xs font-medium text-slate-700">Name <span className="text-red-600">*</span></label>
          <Input id="kit-name" name="name" className="mt-1" value={draft.name} maxLength={limits.BrandKitBody.name.maxLength} onChange={(e) => set('name', e.target.value)} aria-invalid={!!errors.name}
            placeholder="e.g. Acme spring" data-testid="kit-name" />
          {errors.name && <p role="alert" className="mt-0.5 text-[11px] text-red-600">{errors.name}</p>}
        </div>
        <LogoField value={draft.logo_url} onChange={(v) => set('logo_url', v)} error={errors.logo_url} />
        <div className="grid gap-4 sm:grid-cols-2">
          <ColorField name="primary_color" label="Button colour" value={draft.primary_color} onChange={(v) => set('primary_color', v)} error={errors.primary_color}
            hint="The call-to-action button." />
          <div className="space-y-1">
            {draft.autoText ? <span className="block text-xs font-medium text-slate-700">Text colour</span> : (
              <ColorField name="text_color" label="Text colour" value={draft.text_color} onChange={(v) => set('text_color', v)} error={errors.text_color}
                hint="Kept, on a shade where the picture needs one to read." />
            )}
            <label className="flex items-center gap-2 text-xs text-slate-700">
              <input type="checkbox" checked={draft.autoText} onChange={(e) => set('autoText', e.target.checked)} data-testid="kit-auto-text" />
              Let contrast choose white or black
            </label>
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FontSelect name="headline_font" label="Headline font" value={draft.headline_font} onChange={(v) => set('headline_font', v)} error={errors.headline_font} />
          <FontSelect name="body_font" label="Body font (subline, button)" value={draft.body_font} onChange={(v) => set('body_font', v)} error={errors.body_font} />
        </div>
        <FontUpload />
        {errors[''] && <p role="alert" className="text-sm text-red-600" data-testid="kit-error">{errors['']}</p>}
        <div className="flex items-center gap-2">
          <Button type="submit" disabled={save.isPending || (!!kit && !dirty)} data-testid="kit-save"><Save className="h-4 w-4" /> {kit ? 'Save changes' : 'Create kit'}</Button>
          {kit && dirty && <span className="text-xs text-amber-700">Unsaved changes</span>}
          <div className="flex-1" />
          {kit && <Button type="button" variant="ghost" onClick={() => setAsking(true)} data-testid="kit-delete"><Trash2 className="h-4 w-4" /> Delete</Button>}
        </div>
      </form>
      <KitPreview draft={draft} />
      <DeleteKitDialog name={asking && kit ? kit.name : null} busy={remove.isPending} onConfirm={() => remove.mutate()} onClose={() => setAsking(false)} />
    </div>
  );
}
