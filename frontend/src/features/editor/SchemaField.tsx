import type { JsonSchema } from '../../api/types';
import { Input, Select, Textarea } from '../../components/ui/input';
import type { Range } from './ranges';
import { UploadField } from './UploadField';

/**
 * SchemaField is one input chosen by the property's type and its x-ui hint
 * ("multiline", "upload"); enum values show their x-enum-labels.
 */
export function SchemaField({ prop, name, value, onChange, invalid, range, required = false, describedBy }: {
  prop: JsonSchema;
  name: string;
  value: unknown;
  onChange: (v: unknown) => void;
  invalid: boolean;
  range?: Range;
  required?: boolean;
  /** describedBy is the id of the field's hint. */
  describedBy?: string;
}) {
  const common = { name, 'aria-invalid': invalid, 'aria-required': required || undefined, 'aria-describedby': describedBy };
  if (prop.enum) {
    return (
      <Select {...common} value={String(value ?? prop.default ?? '')} onChange={(e) => onChange(prop.type === 'integer' ? Number(e.target.value) : e.target.value)}>
        {prop.default === undefined && <option value="">—</option>}
        {prop.enum.map((o) => (
          <option key={String(o)} value={String(o)}>{prop['x-enum-labels']?.[String(o)] ?? String(o)}</option>
        ))}
      </Select>
    );
  }
  if (prop.type === 'boolean') {
    // Three states, so "not set" (the service's own default) stays distinct from off.
    return (
      <Select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">{prop.default === undefined ? '—' : `default (${prop.default ? 'on' : 'off'})`}</option>
        <option value="true">on</option>
        <option value="false">off</option>
      </Select>
    );
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    return (
      <Input {...common} type="number" min={range?.min} max={range?.max} step={prop.type === 'integer' ? 1 : 'any'}
        value={value === undefined ? '' : String(value)} placeholder={range?.placeholder ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    );
  }
  if (prop['x-ui'] === 'multiline') {
    return <Textarea {...common} maxLength={prop.maxLength} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
  if (prop['x-ui'] === 'upload') return <UploadField name={name} value={String(value ?? '')} onChange={onChange} invalid={invalid} />;
  return <Input {...common} maxLength={prop.maxLength} pattern={prop.pattern} title={prop.pattern && prop.description} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}
