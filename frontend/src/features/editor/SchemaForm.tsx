import { Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Json, JsonSchema } from '../../api/types';
import { Button } from '../../components/ui/button';
import { Input, Select, Textarea } from '../../components/ui/input';

/** SchemaForm renders a node's config form from its JSON Schema; errors are keyed by field path. */
export function SchemaForm({ schema, value, onChange, errors, prefix = '' }: {
  schema: JsonSchema;
  value: Json;
  onChange: (v: Json) => void;
  errors: Record<string, string>;
  prefix?: string;
}) {
  return (
    <div className="space-y-3">
      {Object.entries(schema.properties ?? {}).map(([key, prop]) => {
        const path = prefix + key;
        const set = (v: unknown) => {
          const next = { ...value };
          if (v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v))) delete next[key];
          else next[key] = v;
          onChange(next);
        };
        if (prop.type === 'object') {
          return (
            <fieldset key={key} className="rounded-md border border-slate-200 p-2">
              <legend className="px-1 text-xs font-semibold text-slate-600">{prop.title ?? key}</legend>
              <SchemaForm schema={prop} value={(value[key] as Json) ?? {}} onChange={set} errors={errors} prefix={path + '.'} />
            </fieldset>
          );
        }
        return (
          <label key={key} className="block text-xs font-medium text-slate-700">
            {prop.title ?? key}
            {schema.required?.includes(key) && <span className="text-red-500"> *</span>}
            <div className="mt-1">
              <Field prop={prop} name={path} value={value[key]} onChange={set} invalid={!!errors[path]} />
            </div>
            {errors[path] && <span role="alert" className="mt-0.5 block text-[11px] text-red-600">{errors[path]}</span>}
          </label>
        );
      })}
    </div>
  );
}

/** Field is one input chosen by the property's type. */
function Field({ prop, name, value, onChange, invalid }: { prop: JsonSchema; name: string; value: unknown; onChange: (v: unknown) => void; invalid: boolean }) {
  const common = { name, 'aria-invalid': invalid };
  if (prop.enum) {
    return (
      <Select {...common} value={String(value ?? prop.default ?? '')} onChange={(e) => onChange(prop.type === 'integer' ? Number(e.target.value) : e.target.value)}>
        {prop.default === undefined && <option value="">—</option>}
        {prop.enum.map((o) => (
          <option key={String(o)} value={String(o)}>{String(o)}</option>
        ))}
      </Select>
    );
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    return (
      <Input {...common} type="number" min={prop.minimum} max={prop.maximum} step={prop.type === 'integer' ? 1 : 0.1}
        value={value === undefined ? '' : String(value)} placeholder={prop.default !== undefined ? String(prop.default) : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    );
  }
  if (prop['x-multiline']) {
    return <Textarea {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
  if (prop['x-upload']) return <UploadField name={name} value={String(value ?? '')} onChange={onChange} invalid={invalid} />;
  return <Input {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}

/** UploadField takes a link or uploads a file and uses its URL. */
function UploadField({ name, value, onChange, invalid }: { name: string; value: string; onChange: (v: string) => void; invalid: boolean }) {
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
          setError(err instanceof ApiError ? err.message : 'upload failed');
        }
      }} />
      {value && <img src={value} alt="" className="h-20 rounded border object-contain" />}
      {error && <span className="text-[11px] text-red-600">{error}</span>}
    </div>
  );
}
