import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Input, Select } from '../../components/ui/input';
import { fieldErrors } from './kitForm';
import { problemText } from '../../api/problemText';

/** fontsKey is the query key of GET /api/fonts: invalidate it when a font is uploaded. */
const fontsKey = ['fonts'] as const;

/** FontSelect chooses a kit's font: a family bundled with the server (with its licence) or one the user uploaded. */
export function FontSelect({ name, label, value, onChange, error }: { name: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const fonts = useQuery({ queryKey: fontsKey, queryFn: api.fonts });
  const bundled = fonts.data?.bundled ?? [];
  const uploaded = fonts.data?.uploaded ?? [];
  const id = `kit-${name}`;
  const known = bundled.some((f) => f.id === value) || uploaded.some((f) => f.id === value);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <Select id={id} name={name} className="mt-1" value={value} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        <optgroup label="Bundled (free to use)">
          {bundled.map((f) => <option key={f.id} value={f.id} title={f.licence}>{f.name}</option>)}
        </optgroup>
        {uploaded.length > 0 && (
          <optgroup label="Your fonts">
            {uploaded.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </optgroup>
        )}
        {!known && !fonts.isLoading && <option value={value}>{value} (not available)</option>}
      </Select>
      {error && <p role="alert" className="mt-0.5 text-[11px] text-red-600">{error}</p>}
    </div>
  );
}

/**
 * FontUpload adds a TTF or OTF font of the user's to the choice, under the
 * name they give it; a file the server cannot read as a font is refused
 * with its reason, shown at the file.
 */
export function FontUpload({ onUploaded }: { onUploaded?: (id: string) => void }) {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** upload sends the chosen file with its name. */
  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return setErrors({ font: 'choose a .ttf or .otf file' });
    setBusy(true);
    try {
      const font = await api.uploadFont(f, name.trim());
      await qc.invalidateQueries({ queryKey: fontsKey });
      setErrors({});
      setName('');
      if (file.current) file.current.value = '';
      onUploaded?.(font.id);
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrors(err.errors, err.message) : { '': problemText(err) });
    } finally {
      setBusy(false);
    }
  };
  const error = errors.font ?? errors[''];
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-600">Upload a font</legend>
      <p className="mb-2 text-[11px] text-slate-500">A TTF or OTF file you may use in ads (at most 10 MB). It joins the font choices above.</p>
      <div className="flex flex-wrap items-center gap-2">
        <input ref={file} type="file" accept=".ttf,.otf,font/ttf,font/otf" aria-label="Font file" aria-invalid={!!error} className="max-w-56 text-xs" data-testid="font-file" />
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name, e.g. Acme Sans" aria-label="Font name" className="w-40" maxLength={100} />
        <Button type="button" variant="outline" size="sm" onClick={upload} disabled={busy} data-testid="font-upload"><Upload className="h-4 w-4" /> Upload</Button>
      </div>
      {error && <p role="alert" className="mt-1 text-[11px] text-red-600" data-testid="font-error">{error}</p>}
    </fieldset>
  );
}
