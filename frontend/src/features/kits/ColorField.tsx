import { Input } from '../../components/ui/input';
import { HEX } from './kitForm';

/**
 * ColorField picks a colour two ways that stay in step: the browser's
 * colour picker, and its #rrggbb text (to paste a brand's exact value).
 * A text that is not a colour yet leaves the picker where it was.
 */
export function ColorField({ name, label, value, onChange, error, hint }: {
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
}) {
  const id = `kit-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <div className="mt-1 flex items-center gap-2">
        <input type="color" value={HEX.test(value) ? value.toLowerCase() : '#000000'} onChange={(e) => onChange(e.target.value)} aria-label={`${label}: pick`}
          className="h-9 w-11 shrink-0 cursor-pointer rounded border border-slate-300 bg-white p-0.5" data-testid={`${id}-picker`} />
        <Input id={id} name={name} value={value} maxLength={7} spellCheck={false} className="min-w-0 max-w-28 flex-1 font-mono" aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value.trim())} data-testid={`${id}-hex`} />
      </div>
      {hint && <p className="mt-0.5 text-[11px] text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} role="alert" className="mt-0.5 text-[11px] text-red-600">{error}</p>}
    </div>
  );
}
