import type { JsonSchema } from '../../api/types';
import { fieldRanges, type Range } from './ranges';
import { SchemaField } from './SchemaField';

/** FormProps are what a config form, or one of its nested objects, gets. */
type FormProps = {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: (v: Record<string, unknown>) => void;
  /** errors are keyed by field path ("parameters.num_images"), as graphErrors gives them. */
  errors: Record<string, string>;
};

/** orderedKeys lists an object schema's properties in x-order, then any it does not name. */
export function orderedKeys(schema: JsonSchema): string[] {
  const all = Object.keys(schema.properties ?? {});
  const order = (schema['x-order'] ?? []).filter((k) => all.includes(k));
  return [...order, ...all.filter((k) => !order.includes(k))];
}

/** SchemaForm renders a node's config form from its JSON Schema; numeric fields show their range (the chosen model's, for IMAGE_MODEL). */
export function SchemaForm(props: FormProps) {
  return <ObjectFields {...props} ranges={fieldRanges(props.schema, props.value)} prefix="" />;
}

/** ObjectFields renders one object's properties: nested objects as fieldsets, the rest as labelled fields. */
function ObjectFields({ schema, value, onChange, errors, ranges, prefix }: FormProps & { ranges: Record<string, Range>; prefix: string }) {
  return (
    <div className="space-y-3">
      {orderedKeys(schema).map((key) => {
        const prop = schema.properties![key];
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
              {errors[path] && <span role="alert" className="mb-1 block text-[11px] text-red-600">{errors[path]}</span>}
              <ObjectFields schema={prop} value={(value[key] as Record<string, unknown>) ?? {}} onChange={set} errors={errors} ranges={ranges} prefix={path + '.'} />
            </fieldset>
          );
        }
        const range = ranges[path];
        return (
          <label key={key} className="block text-xs font-medium text-slate-700">
            <span className="flex items-baseline gap-1">
              {prop.title ?? key}
              {schema.required?.includes(key) && <span className="text-red-500">*</span>}
              {range?.text && <span className="ml-auto font-normal text-slate-500" data-testid={`range-${path}`}>{range.text}</span>}
            </span>
            <div className="mt-1">
              <SchemaField prop={prop} name={path} value={value[key]} onChange={set} invalid={!!errors[path]} range={range} />
            </div>
            {prop.description && <span className="mt-0.5 block text-[11px] font-normal text-slate-500">{prop.description}</span>}
            {errors[path] && <span role="alert" className="mt-0.5 block text-[11px] text-red-600">{errors[path]}</span>}
          </label>
        );
      })}
    </div>
  );
}
