import type { ComponentType } from 'react';
import type { JsonSchema } from '../../api/types';
import { fixedValue, orderedKeys } from './formOrder';
import { fieldRanges, outOfRange, type Range } from './ranges';
import { SchemaField } from './SchemaField';

/** FormProps are what a config form, or one of its nested objects, gets. */
type FormProps = {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: (v: Record<string, unknown>) => void;
  /** errors are keyed by field path ("parameters.num_images"), as graphErrors gives them. */
  errors: Record<string, string>;
  /** warnings are a save's warnings, keyed as errors are; shown in amber where no error is (a problem shows once). */
  warnings?: Record<string, string>;
  /** custom are fields drawn by their own component rather than from the schema (OUTPUT's placement picker), keyed by path. */
  custom?: Record<string, CustomField>;
  /** notes are remarks under a field that depend on the rest of the form (the ratio does not apply with placements), keyed by path. */
  notes?: Record<string, string>;
};

/** CustomFieldProps are what a custom field gets: its name and title, value, change handler, whether it is invalid, and its hint's id. */
export type CustomFieldProps = {
  name: string;
  title: string;
  prop: JsonSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  invalid: boolean;
  describedBy?: string;
};

/** CustomField is a field's own component (a picker, a select of the user's things). */
export type CustomField = ComponentType<CustomFieldProps>;

/** noCustom and noNotes are the empty defaults, shared so they keep their identity. */
const noCustom: Record<string, CustomField> = {};
const noNotes: Record<string, string> = {};

/**
 * SchemaForm renders a node's config form from its JSON Schema: required
 * fields first, hints from descriptions, and numeric fields with their range,
 * the chosen model's for IMAGE_MODEL, following the form's current values
 * (saved or not).
 */
export function SchemaForm(props: FormProps) {
  return <ObjectFields {...props} ranges={fieldRanges(props.schema, props.value)} prefix="" />;
}

/** hintId is the id of a field's hint, for aria-describedby. */
const hintId = (path: string) => `hint-${path}`;

/** ObjectFields renders one object's properties: nested objects as titled groups, single-choice enums as text, the rest as labelled fields. */
function ObjectFields({ schema, value, onChange, errors, warnings = {}, custom = noCustom, notes = noNotes, ranges, prefix }: FormProps & { ranges: Record<string, Range>; prefix: string }) {
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
        const title = prop.title ?? key;
        if (prop.type === 'object') {
          return (
            <fieldset key={key} className="rounded-md border border-slate-200 p-2">
              <legend className="px-1 text-xs font-semibold text-slate-600">{title}</legend>
              {prop.description && <p className="mb-2 text-[11px] text-slate-500">{prop.description}</p>}
              {errors[path] && <span role="alert" className="mb-1 block text-[11px] text-red-600">{errors[path]}</span>}
              <ObjectFields schema={prop} value={(value[key] as Record<string, unknown>) ?? {}} onChange={set} errors={errors} warnings={warnings} custom={custom} notes={notes}
                ranges={ranges} prefix={path + '.'} />
            </fieldset>
          );
        }
        const only = fixedValue(prop);
        if (only !== undefined) {
          // One allowed value is no choice: say what it is.
          return (
            <p key={key} className="flex items-baseline justify-between text-xs font-medium text-slate-700" data-testid={`fixed-${path}`}>
              {title}
              <span className="font-normal text-slate-600">{prop['x-enum-labels']?.[String(only)] ?? String(only)}</span>
            </p>
          );
        }
        const range = ranges[path];
        // A number out of its range is marked as it is typed, not only when a save is refused.
        const bad = errors[path] || outOfRange(range, value[key]);
        const required = schema.required?.includes(key) ?? false;
        const hint = prop.description || undefined;
        const under = (
          <>
            {hint && <span id={hintId(path)} className="mt-0.5 block text-[11px] font-normal text-slate-500">{hint}</span>}
            {notes[path] && <span className="mt-0.5 block text-[11px] font-normal text-amber-700" data-testid={`note-${path}`}>{notes[path]}</span>}
            {bad && <span role="alert" className="mt-0.5 block text-[11px] text-red-600" data-testid={`error-${path}`}>{bad}</span>}
            {warnings[path] && !bad && <span role="status" className="mt-0.5 block text-[11px] text-amber-700" data-testid={`warning-${path}`}>{warnings[path]}</span>}
          </>
        );
        const Custom = custom[path];
        if (Custom) {
          // A custom field may hold several inputs (checkboxes): a group named by its legend, not one label.
          return (
            <fieldset key={key} className="min-w-0">
              <legend className="text-xs font-medium text-slate-700">{title}</legend>
              <div className="mt-1">
                <Custom name={path} title={title} prop={prop} value={value[key]} onChange={set} invalid={!!errors[path]} describedBy={hint && hintId(path)} />
              </div>
              {under}
            </fieldset>
          );
        }
        return (
          <label key={key} className="block text-xs font-medium text-slate-700">
            <span className="flex items-baseline gap-1">
              {title}
              {required && <span className="text-red-600" title="required">*<span className="sr-only"> (required)</span></span>}
              {range?.text && <span className="ml-auto font-normal text-slate-500" data-testid={`range-${path}`}>{range.text}</span>}
            </span>
            <div className="mt-1">
              <SchemaField prop={prop} name={path} value={value[key]} onChange={set} invalid={!!bad} range={range}
                required={required} describedBy={hint && hintId(path)} />
            </div>
            {under}
          </label>
        );
      })}
    </div>
  );
}
