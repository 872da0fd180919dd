import type { NodeType } from '../../../api/types';
import { orderedKeys } from '../formOrder';
import { withDefaults, type BodyProps } from './body';

/** GenericBody shows a node's first two set scalar settings, in the schema's x-order, for types without a custom body. */
export function GenericBody({ config, spec }: BodyProps<NodeType>) {
  const schema = spec?.config_schema;
  if (!schema) return null;
  const c: Record<string, unknown> = withDefaults(config, spec);
  const shown = orderedKeys(schema)
    .filter((k) => ['string', 'number', 'boolean'].includes(typeof c[k]) && c[k] !== '')
    .slice(0, 2);
  if (shown.length === 0) return null;
  return (
    <span className="line-clamp-2">
      {shown.map((k) => `${schema.properties?.[k]?.title ?? k}: ${String(c[k])}`).join(' · ')}
    </span>
  );
}
