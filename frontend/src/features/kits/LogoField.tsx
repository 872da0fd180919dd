import { ImageOff, Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/ui/button';
import { problemText } from '../../api/problemText';

/** LogoField uploads a kit's logo (PNG, JPEG or WebP), shows it on a checkerboard, and removes it; its errors show under it. */
export function LogoField({ value, onChange, error }: { value: string; onChange: (url: string) => void; error?: string }) {
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');
  const shown = failed || error;
  return (
    <div>
      <span className="block text-xs font-medium text-slate-700" id="kit-logo-label">Logo</span>
      <div className="mt-1 flex items-center gap-3">
        <span className="flex h-16 w-16 shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-[conic-gradient(#e2e8f0_25%,#fff_0_50%,#e2e8f0_0_75%,#fff_0)] bg-[length:12px_12px]">
          {value ? <img src={value} alt="The kit's logo" className="max-h-full max-w-full object-contain" data-testid="kit-logo" /> : <ImageOff className="h-5 w-5 text-slate-300" aria-hidden />}
        </span>
        <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => file.current?.click()} aria-describedby="kit-logo-label">
          <Upload className="h-4 w-4" /> {value ? 'Replace' : 'Upload'}
        </Button>
        {value && <Button type="button" variant="ghost" size="sm" onClick={() => onChange('')}><X className="h-4 w-4" /> Remove</Button>}
      </div>
      <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" hidden data-testid="kit-logo-file" onChange={async (e) => {
        const f = e.target.files?.[0];
        if (!f) return;
        setBusy(true);
        try {
          onChange((await api.upload(f)).url);
          setFailed('');
        } catch (err) {
          setFailed(problemText(err, { image: 'The logo' }));
        } finally {
          setBusy(false);
          e.target.value = '';
        }
      }} />
      <p className="mt-0.5 text-[11px] text-slate-500">PNG with a transparent background works best.</p>
      {shown && <p role="alert" className="mt-0.5 text-[11px] text-red-600">{shown}</p>}
    </div>
  );
}
