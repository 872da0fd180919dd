import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** OutputNode shows how many final images it delivers, in which ratio. */
export function OutputNode(props: NodeProps<FlowNode>) {
  const c = props.data.config;
  return <NodeShell {...props}>{String(c.num_images ?? 1)} image(s) at {String(c.aspect_ratio ?? '1:1')}</NodeShell>;
}
