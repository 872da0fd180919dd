import type { NodeType } from '../../api/types';
import { BrandKitSelect } from './BrandKitSelect';
import { PlacementPicker } from './PlacementPicker';
import type { CustomField } from './SchemaForm';

/** FormExtras are what a node type's form draws beyond its schema: fields with their own component, and notes that follow the form's values. */
export type FormExtras = { custom: Record<string, CustomField>; notes: Record<string, string> };

/** customFields are the fields drawn by their own component, by node type; defined once so they keep their identity. */
const customFields: { [T in NodeType]?: Record<string, CustomField> } = {
  OUTPUT: { placements: PlacementPicker },
  AD_LAYOUT: { brand_kit_id: BrandKitSelect },
};

const none: Record<string, CustomField> = {};

/** RATIO_UNUSED says why an Output's aspect ratio is ignored once placements are chosen. */
export const RATIO_UNUSED = 'Placements are chosen: each ad is delivered at its placement\'s own size, so this ratio does not apply.';

/** formExtras returns a node type's custom fields and the notes its config calls for now. */
export function formExtras(type: NodeType, config: Record<string, unknown>): FormExtras {
  const notes: Record<string, string> = {};
  if (type === 'OUTPUT' && Array.isArray(config.placements) && config.placements.length > 0) notes.aspect_ratio = RATIO_UNUSED;
  return { custom: customFields[type] ?? none, notes };
}
