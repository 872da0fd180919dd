import { Select } from '../../components/ui/input';
import { useBrandKits } from '../kits/useBrandKits';
import type { CustomFieldProps } from './SchemaForm';

/**
 * BrandKitSelect is AD_LAYOUT's brand kit field: one of the user's kits, or
 * none (the default look), with a link to the kit page to make or change
 * one. A kit that is gone stays listed as such, so the choice is not lost
 * silently (the save says what to fix).
 */
export function BrandKitSelect({ name, title, value, onChange, invalid, describedBy }: CustomFieldProps) {
  const kits = useBrandKits();
  const id = typeof value === 'string' ? value : '';
  const list = kits.data ?? [];
  const missing = id !== '' && !kits.isLoading && !list.some((k) => k.id === id);
  return (
    <div className="space-y-1">
      <Select name={name} aria-label={title} value={id} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">No kit (default look)</option>
        {list.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
        {missing && <option value={id}>A deleted kit</option>}
      </Select>
      <a href="#/kits" className="block text-[11px] font-normal text-brand underline-offset-2 hover:underline">
        {list.length === 0 && !kits.isLoading ? 'Make a brand kit: logo, colours, fonts' : 'Manage brand kits'}
      </a>
    </div>
  );
}
