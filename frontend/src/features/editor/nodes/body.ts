import type { ComponentType } from 'react';
import type { NodeConfig, NodeSpec, NodeType } from '../../../api/types';

/** BodyProps are what a node's canvas body gets: its id, typed config and catalog entry. */
export type BodyProps<T extends NodeType> = { id: string; config: Partial<NodeConfig<T>>; spec: NodeSpec | undefined };

/** Body is the component that shows a node type's key settings on the canvas. */
export type Body<T extends NodeType> = ComponentType<BodyProps<T>>;

/** withDefaults fills a config's unset fields from the catalog's defaults, for display. */
export function withDefaults<C extends object>(config: C, spec: NodeSpec | undefined): C {
  return { ...(spec?.defaults as C | undefined), ...config };
}
