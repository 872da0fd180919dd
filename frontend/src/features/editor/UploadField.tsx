import { Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { problemText } from '../../api/problemText';

/** UploadField takes a link or uploads a file and uses its URL. */
export function UploadField({ name, value, onChange, invalid }: { name: string; value: string; onChange: (v: string) => void; invalid: boolean }) {
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  return (
    <div className="space-y-1">
      <div className="flex gap-1">
        <Input name={name} aria-invalid={invalid} value={value} placeholder="https://… or upload" onChange={(e) => onChange(e.target.value)} />
        <Button type="button" variant="outline" size="icon" title="Upload an image" onClick={() => file.current?.click()}>
          <Upload className="h-4 w-4" />
        </Button>
      </div>
      <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={async (e) => {
        const f = e.target.files?.[0];
        if (!f) return;
        try {
          onChange((await api.upload(f)).url);
          setError('');
        } catch (err) {
          setError(problemText(err, { image: 'The image' }));
        }
      }} />
      {value && <img src={value} alt="" className="h-20 rounded border object-contain" />}
      {error && <span role="alert" className="text-[11px] text-red-600">{error}</span>}
    </div>
  );
}
